"""Issue 24 re-run on new inputs: the slips, messages and counts a new user met the second time round."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechkit
from conftest import run_cli

SPEECH = "kind: speech\ntitle: 在全县防汛工作会议上的讲话\nsections:\n  - type: generic\n    title: 形势\n    items:\n"
SPEECH += "{item}\n"


SPACE = "a full-width space (U+3000) after 'text:'; put an ASCII space after the ':'"


@pytest.mark.parametrize(
    ("item", "where", "message"),
    [
        ("      - text：总体平稳。", "7:13", "use ':' (half-width) instead of '：' after 'text'"),
        ("      - title ：总体平稳", "7:15", "use ':' (half-width) instead of '：' after 'title'"),
        ("      - {title: 一, text： 总体平稳。}", "7:24", "use ':' (half-width) instead of '：' after 'text'"),
        (
            "      - text:\u3000总体平稳。",
            "7:14",
            "a full-width space (U+3000) after 'text:'; put an ASCII space after the ':'",
        ),
    ],
)
def test_a_field_typed_with_a_chinese_colon_that_yaml_reads_as_text_is_named_at_the_colon(
    tmp_path: Path, item: str, where: str, message: str
) -> None:
    facts = tmp_path / "slip.yaml"
    facts.write_text(SPEECH.format(item=item), encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{facts}:{where}: {message}", result.stderr


@pytest.mark.parametrize(("line", "where"), [("title:\u3000讲话", "2:7"), ("  - type:\u3000generic", "4:10")])
def test_a_full_width_space_after_a_colon_is_named_where_it_stands(tmp_path: Path, line: str, where: str) -> None:
    text = "kind: speech\ntitle: 讲话\nsections:\n  - type: generic\n    title: 形势\n"
    key = line.split(":")[0]
    text = "\n".join(line if ln.startswith(key + ":") else ln for ln in text.split("\n"))
    facts = tmp_path / "space.yaml"
    facts.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"{facts}:{where}: a full-width space (U+3000) after "), result.stderr


def test_read_of_a_drafts_text_without_its_format_says_to_give_it() -> None:
    with pytest.raises(speechkit.SpeechkitError) as raised:
        speechkit.read("关于做好防汛工作的通知\n\n各单位：\n")
    assert "\n" not in str(raised.value) and 'speechkit.read(text, "txt")' in str(raised.value)


def test_checking_a_mail_merge_template_says_where_its_names_come_from(tmp_path: Path) -> None:
    template = tmp_path / "mm.yaml"
    template.write_text(
        "kind: critique_outline\ntitle: 对{{ 村 }}党支部的点评\nsections:\n  - type: achievements\n"
        "    items:\n      - title: 发展党员{{ 人数 }}名\n",
        encoding="utf-8",
    )
    result = run_cli("check", str(template))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "unknown name '" in result.stderr and "build --each TABLE" in result.stderr


def test_import_counts_sections_and_items_as_validate_does(tmp_path: Path) -> None:
    draft = tmp_path / "p.txt"
    draft.write_text(
        "在村党组织书记述职评议会上的点评\n\n同志们：\n\n一、主要成效\n\n一是党建责任有效落实。全年开展主题党日48次。\n\n"
        "二、存在问题\n\n一是理论学习不够深入。\n二是作用发挥不够明显。\n\n三、个性问题\n\n东村：三会一课记录不全。\n"
        "西村：阵地建设滞后。\n\n四、工作要求\n\n一要提高认识。\n",
        encoding="utf-8",
    )
    facts = tmp_path / "p.yaml"
    imported = run_cli("import", str(draft), "-o", str(facts))
    assert imported.returncode == 0, imported.stderr
    validated = run_cli("validate", str(facts))
    counts = validated.stdout.strip().split("(critique_outline, ")[1].rstrip(")")
    assert f"critique_outline, {counts} → " in imported.stderr, (imported.stderr, validated.stdout)
    assert "4 sections, 4 items" in counts


def test_an_untitled_item_of_a_notice_runs_its_label_into_its_text(tmp_path: Path) -> None:
    facts = tmp_path / "notice.yaml"
    facts.write_text(
        "kind: 通知\ntitle: 关于做好防汛备汛工作的通知\naddressee: 各街道办事处，区直各部门：\nsections:\n"
        "  - type: generic\n    title: 压实防汛责任\n    items:\n      - text: 各单位主要负责同志要亲自抓。\n"
        "      - title: 加强值守\n        text: 严格执行24小时值班制度。\n"
        "signature: 示例区人民政府办公室\ndate: 2026-05-20\n",
        encoding="utf-8",
    )
    result = run_cli("build", str(facts), "-o", str(tmp_path / "out"), "-f", "md")
    assert result.returncode == 0, result.stderr
    md = (tmp_path / "out" / "notice.md").read_text(encoding="utf-8").splitlines()
    assert "（一）各单位主要负责同志要亲自抓。" in md
    assert "### （二）加强值守" in md and "严格执行24小时值班制度。" in md
    assert not [line for line in md if line.strip("# ") in ("（一）", "（二）")]


@pytest.mark.parametrize(
    ("line", "message"), [("  人数：12", "4:5: use ':' (half-width) instead of '：' after '人数'")]
)
def test_a_fact_typed_with_a_chinese_colon_is_named_at_the_colon(tmp_path: Path, line: str, message: str) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"kind: 点评\ntitle: 提纲\nfacts:\n{line}\nsections: []\n", encoding="utf-8")
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert result.stderr.strip() == f"{facts}:{message}", result.stderr


def test_a_branch_line_typed_as_text_is_shown_the_mapping_not_told_about_its_colon(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "kind: 点评\ntitle: 提纲\nsections:\n  - type: 个性问题\n    items:\n      - 东村：学习不够。\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(facts))
    assert result.returncode == 2
    assert "expected a mapping such as {branch: …, issues: …}" in result.stderr, result.stderr
