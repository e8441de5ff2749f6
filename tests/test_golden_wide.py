"""Wide golden files: every DOCX part, HTML bodies, ``check --format json`` and ``import`` YAML.

They pin the whole output while the code moves. Regenerate with
``SPEECHKIT_REGEN=1 python -m pytest tests/test_golden_wide.py`` and review ``git diff tests/cases/``.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import EXAMPLES, ROOT, run_cli
from speechkit import load, render
from speechkit.facts.schema import schema_uri

CASES = Path(__file__).parent / "cases"
WIDE = CASES / "_wide"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
REGEN = os.environ.get("SPEECHKIT_REGEN") == "1"
DRAFTS = sorted((ROOT / "tests" / "data" / "drafts").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "corpus").glob("*.txt")
)
FAULTY = sorted((ROOT / "tests" / "data" / "faulty").glob("*.txt"))
TIMESTAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
SHARED = re.compile(r"(<style>|<script>)(.*?)(</style>|</script>)", re.S)


def _compare(path: Path, actual: str) -> None:
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run with SPEECHKIT_REGEN=1 to create it"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs from the golden file"


def docx_parts(docx: bytes) -> dict[str, str]:
    """Return every part of a DOCX as text: XML pretty-printed without timestamps, other parts as a size."""
    parts: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                root = etree.fromstring(TIMESTAMPS.sub(b"", data), etree.XMLParser(remove_blank_text=True))
                parts[info.filename] = etree.tostring(root, pretty_print=True, encoding="unicode")
            else:
                parts[info.filename] = f"{len(data)} bytes\n"
    return parts


@pytest.mark.parametrize("name", NAMES)
def test_every_docx_part_matches_golden(name: str) -> None:
    docx = render(load(EXAMPLES / f"{name}.yaml"), "docx")
    assert isinstance(docx, bytes)
    parts = docx_parts(docx)
    _compare(CASES / name / "docx" / "_parts.txt", "".join(f"{part}\n" for part in parts))
    for part, text in parts.items():
        _compare(CASES / name / "docx" / part, text)


def _split_html(page: str) -> tuple[str, list[str]]:
    shared: list[str] = []

    def keep(match: re.Match[str]) -> str:
        shared.append(match.group(2))
        return f"{match.group(1)}[shared {len(shared)}]{match.group(3)}"

    return SHARED.sub(keep, page), shared


def test_html_shared_css_and_script_match_golden_once() -> None:
    pages = [str(render(load(EXAMPLES / f"{name}.yaml"), "html")) for name in NAMES]
    shared = [_split_html(page)[1] for page in pages]
    assert all(blocks == shared[0] for blocks in shared), "every page carries the same CSS and script"
    for index, block in enumerate(shared[0], 1):
        _compare(WIDE / f"html-shared-{index}.txt", block)


@pytest.mark.parametrize("name", NAMES)
def test_html_body_matches_golden(name: str) -> None:
    page, _ = _split_html(str(render(load(EXAMPLES / f"{name}.yaml"), "html")))
    _compare(CASES / name / "page.html", page)


def _check_json(files: list[str], cwd: Path) -> dict[str, str]:
    result = run_cli("check", "--format", "json", "--isolated", *files, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    findings = json.loads(result.stdout)
    out: dict[str, str] = {}
    for file in files:
        mine = [finding for finding in findings if finding["path"] == file]
        out[file] = json.dumps(mine, ensure_ascii=False, indent=2) + "\n"
    return out


def test_check_json_of_examples_and_their_outputs_matches_golden(tmp_path: Path) -> None:
    files: list[str] = []
    for name in NAMES:
        speech = load(EXAMPLES / f"{name}.yaml")
        (tmp_path / f"{name}.yaml").write_bytes((EXAMPLES / f"{name}.yaml").read_bytes())
        (tmp_path / f"{name}.md").write_text(str(render(speech, "md")), encoding="utf-8")
        docx = render(speech, "docx")
        assert isinstance(docx, bytes)
        (tmp_path / f"{name}.docx").write_bytes(docx)
        files += [f"{name}.yaml", f"{name}.md", f"{name}.docx"]
    for file, text in _check_json(files, tmp_path).items():
        _compare(CASES / Path(file).stem / f"check-{Path(file).suffix[1:]}.json", text)


def test_check_json_of_drafts_matches_golden() -> None:
    files = [str(path.relative_to(ROOT)) for path in DRAFTS + FAULTY]
    for file, text in _check_json(files, ROOT).items():
        _compare(WIDE / "check" / (file.replace("/", "__") + ".json"), text)


def _portable(output: str) -> str:
    """Return import output with the installed schema's ``file:`` URI (this machine's path) as ``SCHEMA``."""
    return output.replace(schema_uri(), "SCHEMA", 1)


@pytest.mark.parametrize("draft", [path.relative_to(ROOT) for path in DRAFTS], ids=str)
def test_import_of_drafts_matches_golden(draft: Path) -> None:
    result = run_cli("import", str(draft), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    _compare(WIDE / "import" / (str(draft).replace("/", "__") + ".yaml"), _portable(result.stdout + result.stderr))


@pytest.mark.parametrize("name", NAMES)
def test_import_of_built_outputs_matches_golden(name: str, tmp_path: Path) -> None:
    speech = load(EXAMPLES / f"{name}.yaml")
    docx = render(speech, "docx")
    assert isinstance(docx, bytes)
    (tmp_path / f"{name}.md").write_text(str(render(speech, "md")), encoding="utf-8")
    (tmp_path / f"{name}.docx").write_bytes(docx)
    for suffix in ("md", "docx"):
        result = run_cli("import", f"{name}.{suffix}", cwd=tmp_path)
        assert result.returncode in (0, 2), result.stderr
        output = _portable(f"exit {result.returncode}\n{result.stdout}{result.stderr}")
        _compare(CASES / name / f"import-{suffix}.yaml", output)
