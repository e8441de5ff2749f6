"""The body of drafts from the field: run-in points in running text, numbered lines that are headings or not."""

from __future__ import annotations

from pathlib import Path

from speech_parts import runin
from speechkit import default_registry
from speechkit.model.speech import Item, Speech
from speechkit.readers import read_draft


def _read(tmp_path: Path, text: str) -> Speech:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    return read_draft(draft, registry=default_registry()).speech


REPORT = (
    "3月2日，市农业局召开年度工作总结会。局领导班子成员、各科室负责人参加会议。\n"
    "会上，各科室负责人分别汇报了全年工作完成情况和明年的工作打算。\n"
)


def test_points_after_a_colon_in_a_report_are_run_in_items(tmp_path: Path) -> None:
    """``…提出了要求：一要…；二要…；三要…。`` in a news report with no heading: the points are items."""
    text = REPORT + "局长在总结时提出了具体要求：一要强化责任意识，确保任务落地；二要改进工作作风；三要守住安全底线。\n"
    speech = _read(tmp_path, text)
    assert [title.rstrip("；。") for _, title in runin(speech)] == [
        "强化责任意识，确保任务落地",
        "改进工作作风",
        "守住安全底线",
    ]
    assert {style for style, _ in runin(speech)} == {"yiyao"}
    assert "提出了具体要求：" in "".join(b for b in speech.opening if isinstance(b, str))


def test_the_text_after_the_colon_list_is_kept(tmp_path: Path) -> None:
    """A paragraph after the run-in points stays text, after them."""
    text = REPORT + "会议要求：一是压实责任；二是加强督导。\n最后，与会人员进行了民主测评。\n"
    speech = _read(tmp_path, text)
    assert [title.rstrip("；。") for _, title in runin(speech)] == ["压实责任", "加强督导"]
    assert speech.sections[-1].closing == ("最后，与会人员进行了民主测评。",)


def test_one_marker_after_a_colon_is_no_list(tmp_path: Path) -> None:
    """``…指出：一是…`` with no 二是: no list, the paragraph stays whole."""
    text = REPORT + "局长指出：一是今年的成绩来之不易，大家要倍加珍惜。\n"
    speech = _read(tmp_path, text)
    assert runin(speech) == []
    assert speech.opening[-1] == "局长指出：一是今年的成绩来之不易，大家要倍加珍惜。"


def _headings(speech: Speech) -> list[str]:
    """Titles of the sections and of heading-style items."""
    out = [s.title for s in speech.sections if s.title]
    stack: list[tuple[str, tuple[Item, ...]]] = [(s.enumeration.style, s.items) for s in speech.sections]
    while stack:
        style, items = stack.pop(0)
        out += [item.title for item in items if style == "heading" and item.title]
        stack += [(item.enumeration.style, item.items) for item in items]
    return out


RULES = "某某市公共图书馆管理办法\n"


def test_the_last_point_of_a_list_of_sentences_is_a_point_with_text_under_it(tmp_path: Path) -> None:
    """``四、…。`` after the points 一、二、三、 is the list's last point, even with a paragraph under it."""
    text = RULES + (
        "图书馆举办展览，应当在开展前公告下列事项：\n"
        "一、展览的名称和主办单位。\n"
        "二、展览的时间和地点。\n"
        "三、参观须知和开放时间。\n"
        "四、读者提出意见的方式和期限。\n"
        "公告期满后，图书馆应当汇总读者意见并予以答复。\n"
    )
    speech = _read(tmp_path, text)
    assert _headings(speech) == []
    assert "四、读者提出意见的方式和期限。" in repr(speech)  # kept as text, its label with it


def test_a_heading_with_its_text_under_it_is_no_point(tmp_path: Path) -> None:
    """One sentence alone under a heading that ends without a mark: the headings stay headings."""
    text = RULES + ("一、总体要求\n全面提升服务水平。\n二、主要任务\n扩大开放时间。\n三、保障措施\n加强经费保障。\n")
    assert _headings(_read(tmp_path, text)) == ["总体要求", "主要任务", "保障措施"]


def test_a_numbered_line_that_leads_into_text_with_a_colon_is_a_paragraph(tmp_path: Path) -> None:
    """Among numbered paragraphs, ``3、今后三年，…的主要任务是：`` leads into the text below: not a heading."""
    text = RULES + (
        "一、充分认识图书馆建设的重要意义\n"
        "1、公共图书馆是城市文化建设的重要阵地，对于提高市民素质、建设学习型城市，具有不可替代的作用。\n"
        "2、我市公共图书馆建设的指导思想是，以满足群众阅读需求为出发点，以均衡发展为重点，全面提升服务效能。\n"
        "3、今后三年，全市公共图书馆建设的主要任务是：\n"
        "建成覆盖城乡的图书馆服务网络，实现街道和乡镇分馆全覆盖。\n"
    )
    assert _headings(_read(tmp_path, text)) == ["充分认识图书馆建设的重要意义"]


REPORT_HEAD = "关于农村电商发展情况的调研报告\n为了解全县农村电商发展情况，调研组于今年三月开展了专题调研。\n"


def test_numerals_with_a_space_for_their_comma_are_headings_when_they_run_in_turn(tmp_path: Path) -> None:
    """``一 基本情况`` … ``二 存在问题``: the space stands for 、; the （一） under them is one level down."""
    text = REPORT_HEAD + (
        "一 基本情况\n（一）网点建设\n全县建成村级服务站120个。\n（二）从业人员\n从业人员达到三千人。\n"
        "二 存在问题\n（一）物流成本偏高\n部分偏远村配送不及时。\n"
    )
    speech = _read(tmp_path, text)
    assert [s.title for s in speech.sections] == ["基本情况", "存在问题"]
    assert [i.title for i in speech.sections[0].items] == ["网点建设", "从业人员"]


def test_one_numeral_and_a_space_is_no_heading(tmp_path: Path) -> None:
    """A single ``一 …`` line, with no ``二 …`` after it, stays text."""
    text = REPORT_HEAD + "一 年来的变化\n全县农村电商从无到有，发展迅速。\n"
    speech = _read(tmp_path, text)
    assert [s.title for s in speech.sections if s.title] == []
    assert "一 年来的变化" in repr(speech)


def test_a_quoted_count_before_a_comma_announces_points_glued_to_it(tmp_path: Path) -> None:
    """``要做到“三个统一”，一是…。二是…。三是…`` : the count agrees, the first marker follows the comma."""
    text = REPORT + (
        "会上，局长指出，今后的工作要做到“三个统一”，一是统一思想，形成合力。"
        "二是统一标准，规范流程。三是统一考核，奖优罚劣。\n"
    )
    titles = [title.rstrip("。") for _, title in runin(_read(tmp_path, text))]
    assert titles == ["统一思想，形成合力", "统一标准，规范流程", "统一考核，奖优罚劣"]


def test_a_list_in_the_text_of_the_last_point_is_a_list_of_its_own(tmp_path: Path) -> None:
    """``…：一是…；二是…。他要求各科室一要…；二要…；三要…`` : two lists, the second after its own lead."""
    text = REPORT + (
        "局长对各科室的工作作了两点评价：一是目标明确；二是措施有力。"
        "他要求各科室一要加强学习；二要改进作风；三要狠抓落实。\n"
    )
    speech = _read(tmp_path, text)
    assert [(style, title.rstrip("；。")) for style, title in runin(speech)] == [
        ("yishi", "目标明确"),
        ("yishi", "措施有力"),
        ("yiyao", "加强学习"),
        ("yiyao", "改进作风"),
        ("yiyao", "狠抓落实"),
    ]
    assert speech.sections[-1].lead == ("他要求各科室",)


def test_two_markers_glued_to_words_are_no_list(tmp_path: Path) -> None:
    """``…统一要求，…；二要…`` : a first marker inside words opens a list of three or more only."""
    text = RULES + "一、工作要求\n全局上下统一要求，各司其职；二要加强督查，确保落实。\n二、保障措施\n加强经费保障。\n"
    speech = _read(tmp_path, text)
    assert runin(speech) == []
    assert speech.sections[0].items == () or not speech.sections[0].items[0].items
