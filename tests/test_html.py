"""The HTML writer: golden pages, escaping, every text read back by html.parser, page CSS, the CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings

import chromium
from conftest import EXAMPLES, run_cli
from speechkit import Meta, Para, RenderError, Section, Speech, TemplateError, build, layout, load, render
from speechkit.model.speech import Table
from test_markdown import LINE, TEXT, speeches

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td"}


class FlowReader(HTMLParser):
    """Collect the text of every layout block inside ``<main id="sk-flow">`` and their classes.

    Text inside elements of class ``sk-matter`` (notice matter printed beside the layout) goes to ``matter``.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.blocks: list[tuple[str, str, str]] = []
        self.current: list[str] | None = None
        self.tag = ""
        self.cls = ""
        self.title = ""
        self.in_title = False
        self.scripts = 0
        self.external: list[str] = []
        self.open: list[tuple[str, bool]] = []
        self.matter: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.depth:
            self.open.append((tag, "sk-matter" in (attributes.get("class") or "").split()))
        for name in ("src", "href"):
            if attributes.get(name):
                self.external.append(str(attributes[name]))
        if tag == "title":
            self.in_title = True
        if tag == "script":
            self.scripts += 1
        if tag == "main" and attributes.get("id") == "sk-flow":
            self.depth = 1
        elif self.depth and tag in BLOCK_TAGS and not any(matter for _, matter in self.open):
            self.current, self.tag, self.cls = [], tag, attributes.get("class") or ""

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            self.open.pop()
        if tag == "title":
            self.in_title = False
        if tag == "main" and self.depth:
            self.depth = 0
        elif self.current is not None and tag == self.tag and not any(matter for _, matter in self.open):
            self.blocks.append((self.tag, self.cls, "".join(self.current)))
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if any(matter for _, matter in self.open):
            if data.strip("\n"):  # not the line breaks between tags
                self.matter.append(data)
        elif self.current is not None:
            self.current.append(data)


def read(page: str) -> FlowReader:
    reader = FlowReader()
    reader.feed(page)
    reader.close()
    return reader


def expected_blocks(speech: Speech) -> list[str]:
    """Return the texts of the layout's blocks as HTML must hold them: paragraphs, then header and body cells."""
    out: list[str] = []
    for block in layout(speech):
        if isinstance(block, Para):
            out.append(block.text)
        else:
            out.extend(block.table.columns)
            out.extend(cell for row in block.table.rows for cell in row)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_examples_read_back_block_by_block(name: str) -> None:
    speech = load(EXAMPLES / f"{name}.yaml")
    reader = read(str(render(speech, "html")))
    assert [text for _, _, text in reader.blocks] == expected_blocks(speech)
    assert reader.title == speech.meta.title
    assert reader.external == [], "the page must not load anything"
    assert reader.scripts == 1


def test_headings_use_their_level_and_face_class() -> None:
    speech = load(EXAMPLES / "notice.yaml")
    blocks = read(str(render(speech, "html"))).blocks
    tags = {(tag, cls) for tag, cls, _ in blocks}
    assert ("h1", "sk-title") in tags
    assert ("h2", "sk-heading sk-level-1") in tags
    assert ("h3", "sk-heading sk-level-2") in tags
    first_heading = next(text for tag, _, text in blocks if tag == "h2")
    assert first_heading.startswith("一、")


def test_page_css_has_gbt9704_page_faces_and_page_numbers() -> None:
    page = str(render(load(EXAMPLES / "review_speech.yaml"), "html"))
    css = page[page.index("<style>") : page.index("</style>")]
    assert "size: A4" in css
    assert "margin: 37mm 26mm 35mm 28mm" in css
    assert re.search(r"\.sk-doc \{[^}]*font-size: 16pt;[^}]*line-height: var\(--sk-line\)", css)
    assert "--sk-line: 28pt" in css
    for face in ("仿宋_GB2312", "FangSong", "STFangsong", '"Noto Serif CJK SC"', "黑体", "SimHei"):
        assert face in css
    for face in ("楷体_GB2312", "KaiTi", '"AR PL UKai CN"', "方正小标宋简体"):
        assert face in css
    assert css.count('content: "— " counter(page) " —"') == 2
    assert "@bottom-right" in css and "@bottom-left" in css


def test_markup_in_texts_is_escaped() -> None:
    evil = '<script>alert("x")</script>&amp;<b>'
    speech = Speech(
        Meta("speech", evil),
        (Section("generic", evil, lead=(evil, Table((evil,), ((evil,),), caption=evil))),),
    )
    page = str(render(speech, "html"))
    assert "<script>alert" not in page
    assert page.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;amp;&lt;b&gt;") == 7  # title, 6 blocks
    assert [text for _, _, text in read(page).blocks] == [evil, "一、" + evil, evil, evil, evil, evil]


def test_control_characters_are_refused() -> None:
    speech = Speech(Meta("speech", "T"), (Section("generic", "S", lead=("a\x07b",)),))
    with pytest.raises(RenderError, match="U\\+0007"):
        render(speech, "html")


def test_user_templates_override_builtins(tmp_path: Path) -> None:
    (tmp_path / "page.css").write_text(".sk-doc { color: navy; }\n", encoding="utf-8")
    page = str(render(load(EXAMPLES / "notice.yaml"), "html", templates=str(tmp_path)))
    assert ".sk-doc { color: navy; }" in page and "size: A4" not in page
    (tmp_path / "paginate.js").write_text("</script><script>x()", encoding="utf-8")
    with pytest.raises(TemplateError, match="</script>"):
        render(load(EXAMPLES / "notice.yaml"), "html", templates=str(tmp_path))
    with pytest.raises(TemplateError, match="not found"):
        render(load(EXAMPLES / "notice.yaml"), "html", templates=str(tmp_path / "missing"))


def test_runin_bold_marks_the_body() -> None:
    outline = load(EXAMPLES / "critique_outline.yaml")
    assert '<body class="sk-standalone sk-runin-bold">' in str(render(outline, "html", runin_bold=True))
    assert '<body class="sk-standalone">' in str(render(outline, "html"))


def test_cli_writes_html(tmp_path: Path) -> None:
    result = run_cli("build", str(EXAMPLES / "notice.yaml"), "-f", "html,md", "-o", str(tmp_path), "--no-check")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "notice.html").read_text(encoding="utf-8")
    assert page == str(render(load(EXAMPLES / "notice.yaml"), "html"))
    assert (tmp_path / "notice.md").exists()


@settings(max_examples=120, deadline=None)
@given(speeches())
def test_every_text_survives_html(speech: Speech) -> None:
    reader = read(str(render(speech, "html")))
    assert [text for _, _, text in reader.blocks] == expected_blocks(speech)
    assert reader.title == speech.meta.title


@settings(max_examples=60, deadline=None)
@given(LINE, TEXT)
def test_any_title_and_text_survive(title: str, text: str) -> None:
    speech = Speech(Meta("speech", title), (Section("generic", "S", lead=(text,)),))
    blocks = [text for _, _, text in read(str(render(speech, "html"))).blocks]
    assert blocks == [title, "一、S", text]


needs_print = pytest.mark.skipif(
    not (chromium.available() and shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="chromium or poppler-utils is not installed",
)


@needs_print
@pytest.mark.parametrize("name", ["critique_outline", "notice"])
def test_printed_pages_are_a4_numbered_and_match_the_screen_sheets(name: str, tmp_path: Path) -> None:
    page = tmp_path / f"{name}.html"
    page.write_text(str(render(load(EXAMPLES / f"{name}.yaml"), "html")), encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    subprocess.run(
        [
            chromium.CHROMIUM,
            *chromium.FLAGS,
            f"--user-data-dir={tmp_path / 'print'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info), info
    count = re.search(r"Pages:\s+(\d+)", info)
    assert count and int(count.group(1)) >= 2
    pages = int(count.group(1))
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"], capture_output=True, text=True
        ).stdout
        assert re.search(rf"—\s*{number}\s*—", text), f"page {number} has no — {number} —"

    browser = chromium.Browser(tmp_path / "screen")
    try:
        browser.open(page.as_uri())
        browser.wait_for("document.body.classList.contains('sk-paginated')")
        sheets = browser.evaluate("document.fonts.ready.then(() => document.querySelectorAll('.sk-page').length)")
        numbers = browser.evaluate("Array.from(document.querySelectorAll('.sk-page-number'), n => n.textContent)")
    finally:
        browser.close()
    assert sheets == pages, "the screen shows the sheets the printer makes"
    assert numbers == [f"— {n} —" for n in range(1, pages + 1)]


def test_notice_matter_is_printed_around_the_layout() -> None:
    speech = load(EXAMPLES / "notice.yaml")
    page = str(render(speech, "html"))
    reader = read(page)
    assert reader.matter == [
        *("000012", "加急", "文件", "（此件发至各党支部）"),
        *("抄送：党委组织部，党委宣传部，校工会，校团委。", "高级中学党委办公室", "2018年10月8日印发"),
    ]
    flow = page[page.index('<main id="sk-flow"') :]
    order = ["000012", "加急", "委员会办公室", "文件", "党办发〔2018〕12号", "牡丹江管理局高级中学党委办公室"]
    order += ["（此件发至", "抄送"]
    positions = [flow.index(text) for text in order]
    assert positions == sorted(positions)
    # §7.3.5 without a seal: the signature two characters in, the date starting two characters right of it.
    assert '<p class="sk-signature" style="padding-right: 2.0em">牡丹江管理局高级中学党委办公室</p>' in flow
    assert '<p class="sk-date" style="padding-right: 8.5em">2018年10月7日</p>' in flow


def test_signature_and_date_follow_gbt9704() -> None:
    from speechkit.writers.html import signature_indents

    short = Meta("notice", "T", signature="某局", date="2024年12月25日")  # date longer than signature
    assert signature_indents(short) == {"signature": 9.0, "date": 2.0}
    sealed = Meta("notice", "T", signature="某某县委员会办公室", date="2024年1月5日", seal=True)
    assert signature_indents(sealed) == {"signature": 2.5, "date": 4.0}


def test_attachments_with_text_get_pages_and_upward_documents_name_signers() -> None:
    speech = build(
        {
            "kind": "notice",
            "issuer": "某某委员会",
            "doc_number": "某发〔2024〕3号",
            "signers": ["张三", "李四"],
            "title": "关于某事的请示",
            "addressee": "市委：",
            "sections": [{"type": "generic", "title": "事由", "items": [{"title": "一件事", "text": "正文。"}]}],
            "attachments": [{"title": "名单", "text": "第一段。\n\n第二段。"}, "无正文的附件"],
            "signature": "某某委员会",
            "date": "2024-03-05",
        }
    )
    page = str(render(speech, "html"))
    reader = read(page)
    assert [text for _, _, text in reader.blocks] == expected_blocks(speech)
    assert reader.matter == ["签发人：", "张三　李四", "附件1", "名单", "第一段。", "第二段。"]
    assert page.count('<section class="sk-matter sk-attachment-page">') == 1


def test_roles_a_section_type_registers_may_write_their_own_html() -> None:
    from speechkit import load_registry
    from speechkit.registry import Role

    registry = load_registry(plugins=False)
    registry.add_role(
        Role("branch", "paragraph", {"html": lambda para, default: f'<div class="mine">{default(para)}</div>'}),
        override=True,
    )
    registry.add_role(Role("unit", "run", {"html": lambda text: f"<b>{text}</b>"}), override=True)
    speech = build(
        {
            "kind": "critique_outline",
            "title": "点评",
            "sections": [{"type": "branch_issues", "items": [{"branch": "<东村>", "issues": ["分工不明确"]}]}],
        },
        registry=registry,
    )
    page = str(render(speech, "html", registry=registry))
    assert '<div class="mine"><p class="sk-branch"><b>&lt;东村&gt;</b><b>：</b>分工不明确。</p></div>' in page
    assert [text for _, _, text in read(page).blocks] == expected_blocks(speech)
    plain = str(render(speech, "html"))
    assert '<p class="sk-branch"><span class="sk-unit">&lt;东村&gt;</span><span class="sk-unit">：</span>' in plain
