"""The body of drafts from the field: run-in points in running text, numbered lines that are headings or not."""

from __future__ import annotations

from pathlib import Path

from speechkit import default_registry
from speechkit.model.speech import Item, Speech
from speechkit.readers import read_draft


def _read(tmp_path: Path, text: str) -> Speech:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return read_draft(draft, registry=default_registry()).speech


def _runin(speech: Speech) -> list[tuple[str, str]]:
    """(style, title) of every run-in item of the sections."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, tuple[Item, ...]]] = [(s.enumeration.style, s.items) for s in speech.sections]
    while stack:
        style, items = stack.pop(0)
        out += [(style, item.title) for item in items if style != "heading"]
        stack += [(item.enumeration.style, item.items) for item in items]
    return out


REPORT = (
    "3月2日，市农业局召开年度工作总结会。局领导班子成员、各科室负责人参加会议。\n"
    "会上，各科室负责人分别汇报了全年工作完成情况和明年的工作打算。\n"
)


def test_points_after_a_colon_in_a_report_are_run_in_items(tmp_path: Path) -> None:
    """``…提出了要求：一要…；二要…；三要…。`` in a news report with no heading: the points are items."""
    text = REPORT + "局长在总结时提出了具体要求：一要强化责任意识，确保任务落地；二要改进工作作风；三要守住安全底线。\n"
    speech = _read(tmp_path, text)
    assert [title.rstrip("；。") for _, title in _runin(speech)] == [
        "强化责任意识，确保任务落地",
        "改进工作作风",
        "守住安全底线",
    ]
    assert {style for style, _ in _runin(speech)} == {"yiyao"}
    assert "提出了具体要求：" in "".join(b for b in speech.opening if isinstance(b, str))


def test_the_text_after_the_colon_list_is_kept(tmp_path: Path) -> None:
    """A paragraph after the run-in points stays text, after them."""
    text = REPORT + "会议要求：一是压实责任；二是加强督导。\n最后，与会人员进行了民主测评。\n"
    speech = _read(tmp_path, text)
    assert [title.rstrip("；。") for _, title in _runin(speech)] == ["压实责任", "加强督导"]
    assert speech.sections[-1].closing == ("最后，与会人员进行了民主测评。",)


def test_one_marker_after_a_colon_is_no_list(tmp_path: Path) -> None:
    """``…指出：一是…`` with no 二是: no list, the paragraph stays whole."""
    text = REPORT + "局长指出：一是今年的成绩来之不易，大家要倍加珍惜。\n"
    speech = _read(tmp_path, text)
    assert _runin(speech) == []
    assert speech.opening[-1] == "局长指出：一是今年的成绩来之不易，大家要倍加珍惜。"
