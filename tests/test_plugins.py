"""Section types, kinds and filters come from plugins exactly as the built-ins do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from speechkit import (
    DocumentKind,
    Enumeration,
    Format,
    Registry,
    RegistryError,
    RenderError,
    SectionType,
    Speech,
    SpeechkitError,
    build,
    load_registry,
    render,
)
from speechkit.builder.build import SectionContext
from speechkit.model.speech import Section


def test_duplicate_names_need_override() -> None:
    registry = load_registry(plugins=False)
    extra = SectionType("achievements", "again", "成效")
    with pytest.raises(RegistryError, match="already registered"):
        registry.add_section(extra)
    registry.add_section(extra, override=True)
    assert registry.sections["achievements"].description == "again"


def test_a_plugin_section_type_builds_and_renders() -> None:
    def build_honours(ctx: SectionContext) -> Section:
        names = ctx.data["names"]
        return ctx.section(lead=(ctx.text("受表彰的有{{ items | join('、') }}。", items=names),), items=())

    def setup(registry: Registry) -> None:
        registry.add_section(
            SectionType(
                "honours",
                "表彰名单",
                "表彰情况",
                Enumeration("none"),
                properties={"names": {"type": "array", "items": {"type": "string"}}},
                required=("names",),
                build=build_honours,
            )
        )
        registry.add_kind(DocumentKind("memo", "备忘", sections=("honours",)))

    registry = load_registry(plugins=False)
    registry.use(setup, "honours")
    speech = build(
        {"kind": "memo", "title": "备忘", "sections": [{"type": "honours", "names": ["甲", "乙"]}]}, registry=registry
    )
    assert "受表彰的有甲、乙。" in str(render(speech, "md"))
    assert "## 一、表彰情况" in str(render(speech, "md"))


def test_entry_point_plugins_are_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "sk_demo_plugin.py"
    package.write_text(
        textwrap.dedent("""
        from speechkit import SectionType, Enumeration

        def setup(registry):
            registry.add_section(SectionType("praise", "表扬", "表扬", Enumeration("yishi")))
            registry.add_filter("shout", lambda s: s + "！")
    """),
        encoding="utf-8",
    )
    dist = tmp_path / "sk_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sk-demo-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[speechkit.sections]\ndemo = sk_demo_plugin:setup\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry()
    assert "praise" in registry.sections and "demo" in registry.plugins
    speech = build(
        {"title": "T", "opening": "{{ '好' | shout }}", "sections": [{"type": "praise", "items": [{"title": "甲"}]}]},
        registry=registry,
    )
    assert "好！" in str(render(speech, "md"))
    sys.modules.pop("sk_demo_plugin", None)


def test_broken_plugin_is_a_registry_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dist = tmp_path / "sk_broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sk-broken\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[speechkit.sections]\nbroken = sk_missing_module:setup\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(RegistryError, match="broken"):
        load_registry()


def test_a_plugin_kind_of_notice_form_is_laid_out_as_a_notice() -> None:
    registry = load_registry(plugins=False)
    registry.add_kind(DocumentKind("circular", "通报", form="notice"))
    speech = build(
        {
            "kind": "circular",
            "title": "通报",
            "date": "2018-10-07",
            "signature": "办公室",
            "sections": [{"type": "generic", "title": "情况"}],
        },
        registry=registry,
    )
    md = str(render(speech, "md"))
    assert md.rstrip().endswith("办公室\n\n2018年10月7日") and "（2018年10月7日）" not in md


def test_registering_after_a_build_updates_the_schema() -> None:
    registry = load_registry(plugins=False)
    build({"title": "T", "sections": []}, registry=registry)
    registry.add_section(SectionType("praise", "表扬", "表扬", Enumeration("yishi")))
    speech = build({"title": "T", "sections": [{"type": "praise", "items": [{"title": "甲"}]}]}, registry=registry)
    assert speech.sections[0].title == "表扬"


PLEDGES = """\
title: 关于公开承诺事项的通报
sections:
  - type: pledges
    items:
      - {title: 10月底前完成支部换届, text: 按程序选出新一届支委。}
      - {title: 抓好党员教育}
"""


def test_an_installed_plugin_lays_out_styles_and_checks_its_own_section(tmp_path: Path) -> None:
    """A real distribution (dist-info with an entry point) on the path: no core file is touched."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "plugins" / "sk_pledges.py", site / "sk_pledges.py")
    dist = site / "sk_pledges-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sk-pledges\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[speechkit.sections]\npledges = sk_pledges:setup\n", encoding="utf-8")
    facts = tmp_path / "pledges.yaml"
    facts.write_text(PLEDGES, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "speechkit", *args]
        return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path)

    built = run("build", str(facts), "-f", "md,docx", "-o", "out")
    assert built.returncode == 0, built.stderr
    assert f"warning: {facts}:6:17: XP001 a pledge names no deadline" in built.stderr.splitlines()
    md = (tmp_path / "out" / "pledges.md").read_text(encoding="utf-8")
    assert "> **☐** 10月底前完成支部换届：按程序选出新一届支委。\n" in md
    with zipfile.ZipFile(tmp_path / "out" / "pledges.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
    assert document.count('<w:pStyle w:val="PledgeLine"/>') == 2
    assert document.count('<w:rStyle w:val="PledgeBox"/>') == 2
    assert 'w:styleId="PledgeLine"' in styles and "承诺事项" in styles and 'w:styleId="BranchLine"' in styles
    checked = run("check", "--select", "XP001", str(facts))
    assert checked.returncode == 1 and checked.stdout.splitlines() == [
        f"{facts}:6:17: XP001 a pledge names no deadline"
    ]
    without = subprocess.run(
        [sys.executable, "-m", "speechkit", "build", str(facts), "-o", "bare"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert without.returncode == 2 and "pledges" in without.stderr


def test_a_plugin_paragraph_style_is_read_back_as_its_role(tmp_path: Path) -> None:
    """A .docx paragraph in a plugin role's style (PledgeLine) reaches the type's line reader as that role."""
    import importlib.util

    import yaml

    from speechkit.readers import read_draft

    spec = importlib.util.spec_from_file_location(
        "sk_pledges", Path(__file__).parent / "data" / "plugins" / "sk_pledges.py"
    )
    assert spec and spec.loader
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    registry = load_registry(plugins=False)
    plugin.setup(registry)
    data = render(build(yaml.safe_load(PLEDGES), registry=registry), "docx", registry=registry)
    assert isinstance(data, bytes)
    speech = read_draft(data, "docx", name="pledges.docx", registry=registry).speech
    [section] = [section for section in speech.sections if section.type == "pledges"]
    assert [(item.title, item.paragraphs) for item in section.items] == [
        ("10月底前完成支部换届", ("按程序选出新一届支委。",)),
        ("抓好党员教育", ()),
    ]
    # without the plugin's roles the same paragraphs are plain body text of a generic section
    bare = read_draft(data, "docx", name="pledges.docx", registry=load_registry(plugins=False)).speech
    assert all(section.type != "pledges" for section in bare.sections)


def test_formats_and_rules_are_registry_entries() -> None:
    registry = load_registry(plugins=False)
    assert {"md", "docx", "pdf"} <= set(registry.formats) and "SK103" in registry.rules
    registry.add_format(Format("title", (".title",), write=lambda speech, **_: speech.meta.title + "\n"))
    speech = build({"title": "标题", "sections": []}, registry=registry)
    assert render(speech, "title", registry=registry) == "标题\n"
    assert render(speech, ".title", registry=registry) == "标题\n"
    with pytest.raises(RegistryError, match="already registered"):
        registry.add_format(Format("md", (".md",)))
    with pytest.raises(RenderError, match="unknown format 'odt'"):
        render(speech, "odt", registry=registry)


def test_draft_readers_are_registered_formats(tmp_path: Path) -> None:
    registry = load_registry(plugins=False)
    draft = tmp_path / "draft.txt"
    draft.write_text("关于加强学习的讲话\n同志们：\n一、抓学习\n一是读原著。二是写心得。\n", encoding="utf-8")
    fmt = registry.for_suffix(".txt")
    assert fmt is not None and fmt.read is not None and fmt.write is None
    speech = fmt.read(str(draft), registry=registry)
    assert speech.meta.title == "关于加强学习的讲话" and speech.sections[0].title == "抓学习"
    with pytest.raises(RenderError, match="unknown format 'txt'"):
        render(speech, "txt", registry=registry)


def _rot13_reader(source: object, *, registry: Registry, **options: object) -> Speech:
    """A plugin's draft format: plain text stored in ROT13 (Chinese passes unchanged, Latin letters turn)."""
    import codecs

    from speechkit import read

    text = Path(str(source)).read_text(encoding="utf-8")
    kind = options.get("kind")
    return read(
        codecs.decode(text, "rot13"), format="txt", registry=registry, kind=kind if isinstance(kind, str) else None
    )


ROT13_DRAFT = "关于加强学习的讲话\n同志们：\n一、抓学习\n一是读原著，KK月KK日前交心得。二是写心得。\n"


def test_read_and_check_use_a_plugin_formats_reader(tmp_path: Path) -> None:
    from speechkit import read
    from speechkit.checks import check_path

    registry = load_registry(plugins=False)
    registry.add_format(Format("rot13", (".r13",), read=_rot13_reader, description="text in ROT13"))
    draft = tmp_path / "draft.r13"
    draft.write_text(ROT13_DRAFT, encoding="utf-8")
    speech = read(draft, registry=registry)
    assert speech.meta.title == "关于加强学习的讲话" and speech.sections[0].title == "抓学习"
    assert speech.sections[0].items[0].title == "读原著，XX月XX日前交心得"  # decoded: the plugin's reader ran
    assert read(str(draft), format="rot13", registry=registry) == speech
    # check walks the Speech the plugin's reader gives: the decoded text, not the file's bytes
    findings = check_path(draft, registry=registry)
    assert [f.code for f in findings if "XX月XX日" in f.message] == ["SK101"]
    assert not [f for f in findings if "KK" in f.message]
    with pytest.raises(SpeechkitError, match="unknown draft format 'rot13'"):
        read(str(draft), format="rot13", registry=load_registry(plugins=False))


CHECKLIST = """\
title: 关于支部换届工作的讲话
sections:
  - type: generic
    title: 工作进展
    items:
      - {title: 换届准备充分, text: 各支部均已制定方案。}
  - type: checklist
    numbered: false
    lead: [检查清单如下：]
    checks:
      - {text: 完成支部换届, done: true}
      - {text: 抓好党员教育}
"""


def _install(tmp_path: Path, module: str, entry: str) -> dict[str, str]:
    """Put a plugin of tests/data/plugins on a fresh path as an installed distribution; return the environment."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    shutil.copy(Path(__file__).parent / "data" / "plugins" / f"{module}.py", site / f"{module}.py")
    dist = site / f"{module}-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[speechkit.sections]\n{entry} = {module}:setup\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(site), "PYTHONIOENCODING": "utf-8"}


def _speechkit(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "speechkit", *args]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd)


def test_a_plugin_section_type_reads_its_own_lines_and_dumps_itself(tmp_path: Path) -> None:
    """import claims the ☑/☐ lines with the type's line reader and writes them back with its dump hook."""
    import yaml

    env = _install(tmp_path, "sk_checklist", "checklist")
    (tmp_path / "facts.yaml").write_text(CHECKLIST, encoding="utf-8")
    built = _speechkit(env, tmp_path, "build", "facts.yaml", "-f", "md", "-o", "out")
    assert built.returncode == 0, built.stderr
    draft = (tmp_path / "out" / "facts.md").read_text(encoding="utf-8")
    assert "☑ 完成支部换届\n\n☐ 抓好党员教育\n" in draft
    imported = _speechkit(env, tmp_path, "import", "out/facts.md", "-o", "again.yaml")
    assert imported.returncode == 0, imported.stderr
    facts = yaml.safe_load((tmp_path / "again.yaml").read_text(encoding="utf-8"))
    assert facts["sections"] == yaml.safe_load(CHECKLIST)["sections"]
    rebuilt = _speechkit(env, tmp_path, "build", "again.yaml", "-f", "md", "-o", "again")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert (tmp_path / "again" / "again.md").read_text(encoding="utf-8") == draft
    # without the plugin the same lines are plain paragraphs of the section before them
    bare = {**env, "PYTHONPATH": ""}
    plain = _speechkit(bare, tmp_path, "import", "out/facts.md")
    assert plain.returncode == 0 and "checklist" not in plain.stdout and "☑ 完成支部换届" in plain.stdout


PLEDGE_DRAFT = "张明同志的入党承诺书\n\n一、坚定理想信念\n我承诺认真学习党章。\n"


def test_a_plugin_kind_is_told_from_its_title_by_import_and_by_check_alike(tmp_path: Path) -> None:
    """The kind's own title pattern: import reads the draft as that kind, SK401 asks for what the kind needs."""
    env = _install(tmp_path, "sk_checklist", "checklist")
    draft = tmp_path / "pledge.txt"
    draft.write_text(PLEDGE_DRAFT, encoding="utf-8")
    imported = _speechkit(env, tmp_path, "import", "pledge.txt")
    assert imported.returncode == 0, imported.stderr
    assert "\nkind: pledge_letter\n" in imported.stdout
    checked = _speechkit(env, tmp_path, "check", "--select", "SK401", "pledge.txt")
    assert checked.returncode == 1 and checked.stdout.splitlines() == [
        "pledge.txt:1:1: SK401 a pledge letter needs 承诺人; not found"
    ]
    draft.write_text(PLEDGE_DRAFT + "承诺人：张明\n", encoding="utf-8")
    assert _speechkit(env, tmp_path, "check", "--select", "SK401", "pledge.txt").stdout == ""
    bare = _speechkit({**env, "PYTHONPATH": ""}, tmp_path, "import", "pledge.txt")
    assert "\nkind: speech\n" in bare.stdout
