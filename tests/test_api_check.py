"""``speechkit.check`` and ``check_speech(read(path))`` give what ``speechkit check FILE --format json`` gives."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

import speechkit
from conftest import EXAMPLES, ROOT, run_cli
from speechkit.checks import InputError, check_speech, check_text
from speechkit.checks.config import Config

DRAFTS = sorted(
    path
    for folder in ("check_cases", "field")
    for path in (ROOT / "tests" / folder).iterdir()
    if path.suffix in (".txt", ".md", ".docx") and path.name not in ("README.md", "baseline.md")
)
#: A draft faulty in lines the reader cleans (SK105, SK201) and in what the model keeps.
DRAFT = "示例县工作会议讲话\n\n同志们:\n\n一是抓好学习,二是抓好落实。\n\n责任编辑：张三\n"


def _keys(findings: list[dict[str, object]] | list[speechkit.checks.Finding]) -> list[tuple[object, ...]]:
    rows = [f if isinstance(f, dict) else f.as_dict() for f in findings]
    return sorted((r["path"], r["line"], r["column"], r["code"], r["message"], r["fixable"]) for r in rows)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Markdown and DOCX drafts speechkit writes from the examples, and the facts files themselves."""
    out = tmp_path_factory.mktemp("built")
    names = ("notice.yaml", "critique_outline.yaml", "review_speech.yaml", "request.yaml")
    result = run_cli("build", *(str(EXAMPLES / n) for n in names), "-o", str(out), "--format", "md,docx")
    assert result.returncode == 0, result.stderr
    return sorted(p for p in out.iterdir() if p.suffix in (".md", ".docx")) + [
        EXAMPLES / n for n in (*names, "corpus_000_faithful.yaml")
    ]


@pytest.fixture(scope="module")
def cli_findings(built: list[Path]) -> dict[str, list[tuple[object, ...]]]:
    """What one ``speechkit check --format json`` run over every draft says, by file."""
    paths = [str(p) for p in [*DRAFTS, *built]]
    result = run_cli("check", "--format", "json", *paths)
    assert result.returncode in (0, 1), result.stderr
    by_path: dict[str, list[tuple[object, ...]]] = {p: [] for p in paths}
    for row in json.loads(result.stdout):
        by_path[row["path"]].append(
            (row["path"], row["line"], row["column"], row["code"], row["message"], row["fixable"])
        )
    return {p: sorted(rows) for p, rows in by_path.items()}


def test_check_of_every_draft_is_what_the_cli_says(
    cli_findings: dict[str, list[tuple[object, ...]]], built: list[Path]
) -> None:
    for path in [*DRAFTS, *built]:
        assert _keys(speechkit.check(path)) == cli_findings[str(path)], path
        assert _keys(speechkit.check(str(path))) == cli_findings[str(path)], path


def test_checking_the_speech_read_from_a_draft_finds_what_checking_the_file_finds(
    cli_findings: dict[str, list[tuple[object, ...]]], built: list[Path]
) -> None:
    for path in [*DRAFTS, *built]:
        speech = speechkit.load(path) if path.suffix == ".yaml" else speechkit.read(path)
        assert _keys(check_speech(speech)) == cli_findings[str(path)], path
        assert _keys(speechkit.check(speech)) == cli_findings[str(path)], path


def test_a_speech_read_from_text_is_checked_as_that_text() -> None:
    speech = speechkit.read(DRAFT, "txt")
    expected = check_text(DRAFT, "<txt>")
    assert {f.code for f in expected} >= {"SK105", "SK201"}
    assert _keys(check_speech(speech)) == _keys(expected)


def test_the_draft_is_checked_as_it_was_read_not_as_the_file_is_now(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    speech = speechkit.read(draft)
    before = _keys(speechkit.check(draft))
    draft.write_text("示例县工作会议讲话\n", encoding="utf-8")
    assert _keys(check_speech(speech)) == before


def test_a_speech_changed_after_reading_is_checked_as_it_is(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    speech = speechkit.read(draft)
    changed = dataclasses.replace(speech, meta=dataclasses.replace(speech.meta, title="讲话（XX"))
    assert changed.unchanged_origin() is None and speech.unchanged_origin() is not None
    assert "SK202" in {f.code for f in check_speech(changed)}
    assert "SK202" not in {f.code for f in check_speech(speech)}


def test_check_applies_the_configuration_found_upward_as_the_cli_does(tmp_path: Path) -> None:
    draft = tmp_path / "sub" / "draft.txt"
    draft.parent.mkdir()
    draft.write_text(DRAFT, encoding="utf-8")
    (tmp_path / "speechkit.toml").write_text('ignore = ["SK201"]\n', encoding="utf-8")
    found = {f.code for f in speechkit.check(draft)}
    assert "SK201" not in found and "SK105" in found
    cli = json.loads(run_cli("check", "--format", "json", str(draft)).stdout)
    assert _keys(speechkit.check(draft)) == _keys(cli)
    assert "SK201" in {f.code for f in speechkit.check(draft, config=Config())}
    assert "SK201" not in {f.code for f in speechkit.check(speechkit.read(draft))}
    other = tmp_path / "other.toml"
    other.write_text('select = ["SK105"]\n', encoding="utf-8")
    assert {f.code for f in speechkit.check(draft, config=other)} == {"SK105"}


def test_format_names_the_format_of_a_file_whose_suffix_does_not(tmp_path: Path) -> None:
    draft = tmp_path / "draft.draft"
    draft.write_text("# 标题\n\n一是抓好学习,二是抓好落实。\n", encoding="utf-8")
    md = tmp_path / "draft.md"
    md.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    as_md = [(f.line, f.column, f.code) for f in speechkit.check(md)]
    assert as_md and [(f.line, f.column, f.code) for f in speechkit.check(draft, format="md")] == as_md
    with pytest.raises(InputError, match="unknown format 'odt'"):
        speechkit.check(draft, format="odt")


def test_check_refuses_what_it_cannot_take_and_says_what_to_call() -> None:
    with pytest.raises(InputError, match=r"check_text"):
        speechkit.check(DRAFT)
    with pytest.raises(InputError, match="no such file"):
        speechkit.check("missing.txt")
    with pytest.raises(TypeError, match="format="):
        speechkit.check(speechkit.read(DRAFT, "txt"), format="txt")
    with pytest.raises(TypeError, match="bytes"):
        speechkit.check(DRAFT.encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="select"):
        speechkit.check("x.txt", select=("SK1",))  # type: ignore[call-arg]
    assert "check" in speechkit.__all__ and "check" in dir(speechkit)


def test_a_speech_from_loads_is_checked_as_its_text_under_its_name() -> None:
    path = EXAMPLES / "corpus_000_faithful.yaml"
    speech = speechkit.loads(path.read_text(encoding="utf-8"), name=str(path))
    assert _keys(speechkit.check(speech)) == _keys(speechkit.check(path))


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_a_written_only_format_is_refused_with_what_to_check_instead(tmp_path: Path, fmt: str) -> None:
    built = tmp_path / f"notice.{fmt}"
    built.write_bytes(b"%PDF-1.7\n" if fmt == "pdf" else "<html><body><p>通知</p></body></html>".encode())
    result = run_cli("check", str(built))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(
        f"{fmt} is written, not checked; check the facts or the .docx or .md it was built from"
    )
    with pytest.raises(InputError, match="written, not checked"):
        speechkit.check(built)
