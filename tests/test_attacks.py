"""The attack corpus: hostile facts, templates, DOCX inputs and drafts, each run through the CLI.

Every attack runs ``python -m speechkit`` in a subprocess under a memory limit and a timeout (a
hang detector, not a speed test) and must end in exit 2 with exactly one line on stderr — or in a
correct document — with no marker file made by template code and no output changed by a failed build.
"""

from __future__ import annotations

import io
import os
import resource
import signal
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from speechkit.checks.fix import apply_fixes
from speechkit.checks.runner import check_path
from speechkit.checks.sources import InputError
from speechkit.default import default_registry

#: Address space a run may use: far above what any input here needs when handled right.
MEMORY = 2 * 1024**3
#: Seconds before a run counts as hung (the machine is shared; handled attacks end in about one).
TIMEOUT = 120
#: Seconds all check rules may take on a 1 MB line before they count as hung (quadratic rules took hours;
#: the slowest linear one, a line of 333,000 run-in labels, takes about 30 s on a loaded machine).
RULES_TIMEOUT = 400

FACTS = """\
kind: critique_outline
title: 支部书记抓党建工作述职点评提纲
facts:
  secretaries: 4
  big: {big}
opening:
  - 刚才，我们听取了{{{{ secretaries }}}}位支部书记的述职发言。
  - "OPENING"
sections:
  - type: achievements
    items:
      - title: 党建责任有效落实
        text: 压实党建工作责任。
  - type: common_problems
    items:
      - title: 主业意识不强
        text: 部分支部书记抓党建的意识没有内化于心。
  - type: requirements
    items:
      - title: 强化主业抓责任
        text: 各党支部书记要坚决承担和落实党建责任。
"""
OPENING_LINE = 8
BIG = "9" * 4000


def facts(opening: str = "从三个方面作简要点评。") -> str:
    """Return a facts file whose second opening paragraph is ``opening`` (quoted for YAML)."""
    quoted = opening.replace("\\", "\\\\").replace('"', '\\"')
    return FACTS.format(big=BIG).replace("OPENING", quoted)


def limits(umask: int | None = None, file_size: int | None = None) -> Callable[[], None]:
    """Return a preexec function setting the memory limit (and a umask, a file size limit)."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        if umask is not None:
            os.umask(umask)
        if file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))

    return apply


def attack(
    *args: str | Path, cwd: Path, umask: int | None = None, file_size: int | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI in ``cwd`` under the limits; a timeout fails the test as a hang."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "speechkit", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=TIMEOUT,
        preexec_fn=limits(umask, file_size),
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")
    )


def refused(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Assert exit 2 with one clean stderr line holding ``words``; return the line."""
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    assert result.stderr.count("\n") == 1, result.stderr[-2000:]
    line = result.stderr.strip()
    assert "Traceback" not in line and " at 0x" not in line and "9999999999" not in line, line
    assert len(line) < 400, line
    for word in words:
        assert word in line, line
    return line


def no_marker(folder: Path) -> None:
    """Assert that template code made no marker file anywhere under ``folder``."""
    assert not [p for p in folder.rglob("*") if p.name.startswith("PWNED")]


PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}"

EXPRESSIONS = [
    pytest.param(PAYLOAD, "not allowed", id="cycler-globals-popen"),
    pytest.param("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed", id="subclasses"),
    pytest.param("{{ self._TemplateReference__context }}", "not allowed", id="template-reference"),
    pytest.param("{{ ([1]*10**9) | length }}", "over budget", id="list-repeat"),
    pytest.param("{{ 'a' * 10**10 }}", "over budget", id="text-repeat"),
    pytest.param("{{ 'a' | center(10**9) }}", "over budget", id="center"),
    pytest.param("{{ [1] | batch(10**9) | list | length }}", "over budget", id="batch"),
    pytest.param("{{ [1] | slice(10**9) | list | length }}", "over budget", id="slice"),
    pytest.param("{{ 'x' | indent(10**9, true) }}", "over budget", id="indent"),
    pytest.param("{{ ('a' * 100000) | wordwrap(1) }}", "over budget", id="wordwrap"),
    pytest.param("{{ ('a' * 1000) | replace('a', 'a' * 10000) }}", "over budget", id="replace"),
    pytest.param("{{ 'a'.ljust(10**9) }}", "over budget", id="ljust"),
    pytest.param("{{ 'a\\tb'.expandtabs(10**9) }}", "over budget", id="expandtabs"),
    pytest.param("{{ '%999999999d' % 1 }}", "over budget", id="printf-width"),
    pytest.param("{{ '{:>999999999}'.format(1) }}", "over budget", id="format-width"),
    pytest.param("{{ '%s' | format(cycler(1)) }}", "cannot be written", id="format-object"),
    pytest.param("{{ (['x' * 100000] * 1000) | join }}", "over budget", id="join"),
    pytest.param("{{ 9 ** (9 ** 9) }}", "over budget", id="power"),
    pytest.param("{{ 2 ** 1000000 }}", "over budget", id="power-2"),
    pytest.param("{{ 10 ** 40 * 10 ** 40 }}", "digits", id="long-number"),
    pytest.param("{{ big }}", "digits", id="4000-digit-fact"),
    pytest.param("{{ big | cn }}", "number", id="4000-digit-filter"),
    pytest.param("{{ big * 10 }}", "over budget", id="4000-digit-product"),
    pytest.param("{{ 1e308 * 10 }}", "infinite", id="float-overflow"),
    pytest.param("{{ 10.0 ** 400 }}", "too large", id="float-power"),
    pytest.param("{{ range(10**9) | list | length }}", "over budget", id="range"),
    pytest.param(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "over budget", id="loops"
    ),
    pytest.param(
        "{% for i in range(10) recursive %}{{ loop(range(10)) }}{% endfor %}", "over budget", id="recursive-loop"
    ),
    pytest.param("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "over budget", id="recursive-macro"),
    pytest.param("{% macro f() %}{{ f() }}{{ f() }}{% endmacro %}{{ f() }}", "over budget", id="branching-macro"),
    pytest.param(
        "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}x",
        "over budget",
        id="doubling-concat",
    ),
    pytest.param(
        "{% set ns = namespace(s=[1]) %}{% for i in range(60) %}{% set ns.s = ns.s + ns.s %}{% endfor %}x",
        "over budget",
        id="doubling-list",
    ),
    pytest.param("{{ lipsum(10**7) }}", "lipsum", id="lipsum"),
    pytest.param("{{ [1] | map('nosuch') | list | length }}", "nosuch", id="map-nosuch"),
    pytest.param("{{ 'abc' | truncate(1) }}", "invalid arguments", id="truncate-assert"),
    pytest.param("{{ '{0.__class__}' | attr('format') }}", "cannot be written", id="format-method-repr"),
    pytest.param("{{ cycler(1) | string }}", "cannot be written", id="object-string"),
    pytest.param("{{ 'a' ~ joiner() }}", "cannot be written", id="object-concat"),
    pytest.param("{{ [cycler(1)] | join }}", "cannot be written", id="object-join"),
    pytest.param("{{ cycler(1) | pprint }}", "cannot be written", id="object-pprint"),
    pytest.param("{{ ([[1] * 1000] * 1000) | sum(start=[]) }}", "sum adds numbers", id="sum-lists"),
    pytest.param("{{ 1 // 0 }}", "division by zero", id="floordiv-zero"),
    pytest.param("{{ dict.fromkeys }}", "cannot be written", id="builtin-method"),
]


@pytest.mark.parametrize(("expression", "words"), EXPRESSIONS)
def test_expression_attack_is_one_line_at_the_field(tmp_path: Path, expression: str, words: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(facts(expression), encoding="utf-8")
    line = refused(attack("build", path, "-f", "md", "-o", tmp_path / "out", cwd=tmp_path), words)
    assert line.startswith(f"{path}:{OPENING_LINE}:"), line
    assert "opening[1]" in line
    no_marker(tmp_path)
    assert not (tmp_path / "out" / "facts.md").exists()


def markdown_templates(tmp_path: Path, body: str) -> Path:
    """Write a templates folder whose document.md.j2 is ``body``."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "document.md.j2").write_text(body, encoding="utf-8")
    return folder


TEMPLATES = [
    pytest.param("# {{ meta.title }}\n\n" + PAYLOAD + "\n", 3, "not allowed", id="popen"),
    pytest.param("{{ speech.__class__.__init__.__globals__ }}\n", 1, "not allowed", id="globals"),
    pytest.param(
        "x\n{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}\n",
        2,
        "over budget",
        id="loops",
    ),
    pytest.param("{% macro f() %}{{ f() }}{% endmacro %}\n\n{{ f() }}\n", 1, "over budget", id="recursion"),
    pytest.param("{{ blocks[0] }}\n", 1, "cannot be written", id="object-repr"),
    pytest.param("{{ 'a' * 10**10 }}\n", 1, "over budget", id="repeat"),
    pytest.param("{% include '/etc/passwd' %}\n", None, "not found", id="include-outside"),
    pytest.param("{% for x in %}\n", 1, "syntax", id="syntax"),
]


@pytest.mark.parametrize(("body", "line", "words"), TEMPLATES)
def test_markdown_template_attack_is_one_line_at_the_template_line(
    tmp_path: Path, body: str, line: int | None, words: str
) -> None:
    folder = markdown_templates(tmp_path, body)
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    message = refused(
        attack("build", path, "-f", "md", "--templates", folder, "--no-check", "-o", tmp_path / "out", cwd=tmp_path),
        words,
    )
    if line is not None:
        assert message.startswith(f"{folder / 'document.md.j2'}:{line}:"), message
    no_marker(tmp_path)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


HTML_TEMPLATES = [
    pytest.param("document.html.j2", "<p>{{ meta.title }}</p>\n" + PAYLOAD + "\n", 2, id="page-popen"),
    pytest.param(
        "blocks.html.j2",
        "{% macro document(blocks, meta) %}" + PAYLOAD + "{% endmacro %}\n",
        1,
        id="blocks-popen",
    ),
]


@pytest.mark.parametrize(("name", "body", "line"), HTML_TEMPLATES)
def test_html_template_attack_is_one_line_at_the_template_line(tmp_path: Path, name: str, body: str, line: int) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / name).write_text(body, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    message = refused(
        attack("build", path, "-f", "html", "--templates", folder, "--no-check", "-o", tmp_path / "out", cwd=tmp_path),
        "not allowed",
    )
    assert message.startswith(f"{folder / name}:{line}:"), message
    no_marker(tmp_path)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_benign_markdown_template_still_renders(tmp_path: Path) -> None:
    folder = markdown_templates(tmp_path, "# {{ meta.title }}\n\n{% for b in blocks %}{{ loop.index }}{% endfor %}\n")
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    result = attack("build", path, "-f", "md", "--templates", folder, "--no-check", "-o", tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "facts.md").read_text(encoding="utf-8").startswith("# 支部书记抓党建工作述职点评提纲\n")


def layout_template(path: Path, *texts: str) -> Path:
    """Write a DOCX layout template with one paragraph per text, then the body."""
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.add_paragraph("{{p body }}")
    document.save(path)
    return path


def rewrite_part(path: Path, part: str, change: Callable[[bytes], bytes]) -> Path:
    """Rewrite one part of a DOCX in place."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files[part] = change(files[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def with_doctype(doctype: str) -> Callable[[bytes], bytes]:
    """Return a change putting a DOCTYPE before the root element and an entity reference in the text."""

    def change(data: bytes) -> bytes:
        head, sep, rest = data.partition(b"?>")
        rest = rest.replace(b"{{p body }}", b"&e;{{p body }}", 1)
        return head + sep + doctype.encode() + rest

    return change


XXE = '<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + '<!ENTITY e "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">]>'
)


def docx_attacks(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Build the hostile DOCX files: name → (file, word the refusal must hold)."""
    made: dict[str, tuple[Path, str]] = {}
    made["popen"] = (layout_template(tmp_path / "popen.docx", PAYLOAD), "not allowed")
    made["budget"] = (layout_template(tmp_path / "budget.docx", "{{ 'a' * 10**10 }}"), "over budget")
    made["recursion"] = (
        layout_template(tmp_path / "recursion.docx", "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"),
        "over budget",
    )
    made["repr"] = (
        layout_template(tmp_path / "repr.docx", "{{ '{0.__class__}' | attr('format') }}"),
        "cannot be written",
    )
    made["xxe"] = (rewrite_part(layout_template(tmp_path / "xxe.docx"), "word/document.xml", with_doctype(XXE)), "DTD")
    made["laughs"] = (
        rewrite_part(layout_template(tmp_path / "laughs.docx"), "word/document.xml", with_doctype(LAUGHS)),
        "DTD",
    )
    made["broken"] = (
        rewrite_part(layout_template(tmp_path / "broken.docx"), "word/document.xml", lambda d: d[: len(d) // 2]),
        "broken XML",
    )
    bomb = layout_template(tmp_path / "bomb.docx")
    with (
        zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/x.bin", "w", force_zip64=True) as member,
    ):
        block = bytes(1024 * 1024)
        for _ in range(300):
            member.write(block)
    made["bomb"] = (bomb, "zip bomb")
    many = layout_template(tmp_path / "many.docx")
    with zipfile.ZipFile(many, "a") as archive:
        for index in range(2100):
            archive.writestr(f"customXml/item{index}.bin", b"")
    made["members"] = (many, "parts")
    not_zip = tmp_path / "notzip.docx"
    not_zip.write_bytes(b"PK\x03\x04 not really a zip")
    made["not-zip"] = (not_zip, "zip archive")
    return made


DOCX_ATTACKS = ["popen", "budget", "recursion", "repr", "xxe", "laughs", "broken", "bomb", "members", "not-zip"]
DOCX_ONLY = ["xxe", "laughs", "broken", "bomb", "members", "not-zip"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """The hostile DOCX files, built once."""
    return docx_attacks(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", DOCX_ATTACKS)
def test_layout_template_attack_is_refused(tmp_path: Path, hostile: dict[str, tuple[Path, str]], name: str) -> None:
    template, words = hostile[name]
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    result = attack(
        "build", path, "-f", "docx", "--layout-template", template, "--no-check", "-o", tmp_path / "out", cwd=tmp_path
    )
    line = refused(result, words)
    assert str(template) in line
    assert "passwd" not in line and "root:" not in line
    no_marker(tmp_path)
    no_marker(template.parent)
    assert not (tmp_path / "out" / "facts.docx").exists()


@pytest.mark.parametrize("name", DOCX_ONLY)
def test_reference_doc_attack_is_refused(tmp_path: Path, hostile: dict[str, tuple[Path, str]], name: str) -> None:
    template, words = hostile[name]
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    result = attack(
        "build", path, "-f", "docx", "--reference-doc", template, "--no-check", "-o", tmp_path / "out", cwd=tmp_path
    )
    refused(result, words, str(template))


@pytest.mark.parametrize("name", DOCX_ONLY)
def test_checked_draft_attack_is_refused(tmp_path: Path, hostile: dict[str, tuple[Path, str]], name: str) -> None:
    template, words = hostile[name]
    refused(attack("check", template, cwd=tmp_path), words, str(template))


@pytest.mark.parametrize("name", DOCX_ONLY)
def test_imported_draft_attack_is_refused(tmp_path: Path, hostile: dict[str, tuple[Path, str]], name: str) -> None:
    template, _ = hostile[name]
    refused(attack("import", template, "-o", tmp_path / "imported.yaml", cwd=tmp_path), str(template))
    assert not (tmp_path / "imported.yaml").exists()


YAML_ATTACKS = [
    pytest.param("a: " + "[" * 30000 + "]" * 30000 + "\n", 1, "nested deeper", id="deep-lists"),
    pytest.param("a: " + "{b: " * 30000 + "1" + "}" * 30000 + "\n", 1, "nested deeper", id="deep-maps"),
    pytest.param("title: x\na: {<<: 5}\n", 2, "merging", id="merge-scalar"),
    pytest.param("title: x\na: [<<: [1, 2]]\n", 2, "merging", id="merge-list-of-scalars"),
    pytest.param("title: x\nfacts:\n  n: .inf\n", 3, "infinite", id="inf"),
    pytest.param("title: x\nfacts:\n  n: -.inf\n", 3, "infinite", id="minus-inf"),
    pytest.param("title: x\nfacts:\n  n: .nan\n", 3, "NaN", id="nan"),
    pytest.param("title: x\nsub: 'ab\x00c'\n", 2, "U+0000", id="nul"),
    pytest.param("title: x\nsub: ab\u202ecd\n", 2, "U+202E", id="bidi-override"),
    pytest.param("title: x\nsub: ab\u2066cd\n", 2, "U+2066", id="bidi-isolate"),
    pytest.param("title: x\nsub: ab\u200bcd\n", 2, "U+200B", id="zero-width-space"),
    pytest.param("title: x\nsub: ab\x85cd\n", 2, "U+0085", id="c1-control"),
    pytest.param("title: x\na: &x [*x]\n", 2, "nested deeper", id="self-alias"),
    pytest.param(
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]\n" for i in range(1, 9)),
        None,
        "alias bomb",
        id="billion-laughs",
    ),
    pytest.param("title: !!python/object/apply:os.system ['touch PWNED']\n", 1, "tag", id="python-tag"),
]


@pytest.mark.parametrize(("text", "line", "words"), YAML_ATTACKS)
def test_yaml_attack_is_one_line_at_its_position(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    message = refused(attack("build", path, "-f", "md", "-o", tmp_path / "out", cwd=tmp_path), words)
    if line is not None:
        assert message.startswith(f"{path}:{line}:"), message
    no_marker(tmp_path)


def test_nul_byte_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    text = facts().replace("压实党建", "压实\x00党建")
    before = text[: text.index("\x00")]
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    path.write_bytes(text.encode())
    message = refused(attack("validate", path, cwd=tmp_path), "U+0000")
    assert (line, column) == (13, 17)
    assert message.startswith(f"{path}:{line}:{column}:"), message


def test_long_ascii_run_in_facts_still_builds(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(facts("a" * 40000 + "。"), encoding="utf-8")
    result = attack("build", path, "-f", "md", "-o", tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "a" * 40000 in (tmp_path / "facts.md").read_text(encoding="utf-8")


RULE_INPUTS = {
    "ascii": "a",
    "ascii-words": "abc def, ghi: ",
    "cjk": "中",
    "mixed": "中a1,（“《",
    "digits": "1",
    "x-run": "X",
    "x-month": "X月",
    "zeros": "〇",
    "www": "www. ,",
    "quotes": "“",
    "colon-items": "一是：",
    "half-width": "中,",
}
RUN_RULES = """
import sys
from speechkit.checks.rules import RULE_FUNCS
from speechkit.checks.sources import doc_from_text
from speechkit.default import default_registry
unit = sys.argv[1]
line = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
doc = doc_from_text(line + "\\n", "draft.txt")
doc.registry = default_registry()
for codes, rule in RULE_FUNCS:
    for _ in rule(doc):
        pass
print(len(RULE_FUNCS))
"""


@pytest.mark.parametrize("name", list(RULE_INPUTS))
def test_every_rule_finishes_on_a_one_megabyte_line(name: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RUN_RULES, RULE_INPUTS[name]],
        capture_output=True,
        text=True,
        timeout=RULES_TIMEOUT,
        preexec_fn=limits(),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout) >= 11


def build_outline(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(facts(), encoding="utf-8")
    return path


def test_a_failed_docx_write_leaves_the_old_markdown(tmp_path: Path) -> None:
    path = build_outline(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "facts.md").write_text("old\n", encoding="utf-8")
    (out / "facts.docx").write_bytes(b"old docx")
    result = attack("build", path, "-f", "md,docx", "--no-check", "--force", "-o", out, cwd=tmp_path, file_size=4096)
    line = refused(result, "facts.docx")
    assert ".tmp" not in line
    assert (out / "facts.md").read_text(encoding="utf-8") == "old\n"
    assert (out / "facts.docx").read_bytes() == b"old docx"
    assert sorted(p.name for p in out.iterdir()) == ["facts.docx", "facts.md"]


def test_a_failed_rename_puts_back_what_was_replaced(tmp_path: Path) -> None:
    path = build_outline(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "facts.md").write_text("old\n", encoding="utf-8")
    (out / "facts.docx").mkdir()  # a folder where the DOCX should go: its rename fails
    result = attack("build", path, "-f", "md,docx", "--no-check", "--force", "-o", out, cwd=tmp_path)
    refused(result, "facts.docx")  # the command line refuses a folder before writing, even with --force
    assert (out / "facts.md").read_text(encoding="utf-8") == "old\n"
    from speechkit import build_many  # the API replaces without looking first: the rename itself fails

    with pytest.raises(IsADirectoryError, match=r"facts\.docx"):
        build_many([path], out, ["md", "docx"], workers=1)
    assert (out / "facts.md").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in out.iterdir()) == ["facts.docx", "facts.md"]


@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_new_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    path = build_outline(tmp_path)
    result = attack("build", path, "-f", "md,docx", "--no-check", "-o", tmp_path / "out", cwd=tmp_path, umask=umask)
    assert result.returncode == 0, result.stderr
    for name in ("facts.md", "facts.docx"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == mode


def test_a_replaced_output_keeps_its_mode(tmp_path: Path) -> None:
    path = build_outline(tmp_path)
    (tmp_path / "facts.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "facts.md").chmod(0o640)
    result = attack("build", path, "-f", "md", "--no-check", "--force", "-o", tmp_path, cwd=tmp_path, umask=0o022)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "facts.md").stat().st_mode) == 0o640
    assert (tmp_path / "facts.md").read_text(encoding="utf-8") != "old\n"


DRAFT = "第一段，内容,还有内容。\n第二段。\n"
FIXED = "第一段，内容，还有内容。\n第二段。\n"


def test_fix_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real" / "draft.txt"
    target.parent.mkdir()
    target.write_text(DRAFT, encoding="utf-8")
    link = tmp_path / "draft.txt"
    link.symlink_to(target)
    result = attack("check", "--fix", link, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED


def test_fix_keeps_mode_and_owner(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o640)
    owner = (draft.stat().st_uid, draft.stat().st_gid)
    if os.geteuid() == 0:
        os.chown(draft, 65534, 65534)
        owner = (65534, 65534)
    result = attack("check", "--fix", draft, cwd=tmp_path, umask=0o077)
    assert result.returncode in (0, 1), result.stderr
    assert draft.read_text(encoding="utf-8") == FIXED
    info = draft.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert (info.st_uid, info.st_gid) == owner


def test_fix_keeps_hard_links(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    other = tmp_path / "other.txt"
    os.link(draft, other)
    result = attack("check", "--fix", draft, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert other.read_text(encoding="utf-8") == FIXED
    assert draft.stat().st_ino == other.stat().st_ino


def test_fix_refuses_a_read_only_file(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    draft.chmod(0o444)
    refused(attack("check", "--fix", draft, cwd=tmp_path), "read-only", str(draft))
    assert draft.read_text(encoding="utf-8") == DRAFT
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_fix_refuses_a_file_that_changed_while_being_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    findings = check_path(draft)
    import speechkit.checks.fix as fix

    original = fix.read_text_file

    def read_then_append(path: Path) -> str:
        text = original(path)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("另一个进程追加的一行。\n")
        return text

    monkeypatch.setattr(fix, "read_text_file", read_then_append)
    with pytest.raises(InputError, match="changed while being fixed"):
        apply_fixes(draft, findings, default_registry())
    assert draft.read_text(encoding="utf-8") == DRAFT + "另一个进程追加的一行。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.txt"]


def test_safezip_refuses_a_lying_size_header() -> None:
    """A member whose header declares fewer bytes than it holds is cut at the declared size and refused."""
    from speechkit.safezip import DocxError, open_docx

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", bytes(10_000_000))
    data = bytearray(buffer.getvalue())
    # Patch the declared uncompressed size of word/document.xml in the central directory to 100 bytes.
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    with open_docx(bytes(data), "lying.docx") as archive, pytest.raises(DocxError):
        archive.read("word/document.xml")
