"""Tests of the DOCX writer: styles, page setup, text order, reproducibility, templates."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from speechkit.errors import RenderError
from speechkit.layout import Para, TableBlock, layout
from speechkit.model import Enumeration, Item, Meta, Section, Speech, Table
from speechkit.render.docx import pretty_document_xml, render_docx
from speechkit.render.docx_xml import plain_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

OPENING = ("按照镇党委的安排，今天我们召开第一书记、支部书记抓党建工作述职会议。刚才，我们听取了4位支部书记和"
           "4位第一书记的述职发言，翻阅了书面报告。总体评价，各位支部书记、第一书记在履职尽责上，都能紧跟镇党委的"
           "部署、狠抓落实；在查摆问题上，都能切中要害、找准症结；在改进落实上措施具体、切实可行。")
PARAGRAPH = ("今年以来，在镇党委的领导下，在座各位支部书记、第一书记和驻村党建指导员的共同努力下，较好地完成了"
             "全镇党建工作既定的各项目标任务。特别是各党支部书记认真履行抓党建促发展第一责任，推进党建创新，把党建"
             "工作与脱贫攻坚为主的中心工作紧密结合，基本达到了抓党建、聚人心、强队伍、严管理、促发展的要求。")


def critique(paragraphs: int = 1) -> Speech:
    """Return a critique outline shaped like corpus 000: run-ins, nested headings, branch lines."""
    body = (PARAGRAPH,) * paragraphs
    results = Section("heading", "主要成效", lead=(PARAGRAPH,), items=(
        Item("党建责任有效落实", body, enumeration=Enumeration("heading")),
        Item("党建重点工作任务稳步推进", (), items=(
            Item("后进支部整顿成效明显", body),
            Item("示范点创建稳步提升", body),
        ), enumeration=Enumeration("heading")),
        Item("积极培树典型，打造党建特色品牌", body),
    ), enumeration=Enumeration("yishi"))
    problems = Section("heading", "存在问题", lead=("全镇基层党建存在的共性问题主要表现在两个方面：",), items=(
        Item("主业意识不强", body),
        Item("制度执行不力", body),
    ), enumeration=Enumeration("yishi"), closing=(
        Table(("问题", "整改措施", "责任人", "完成时限"), (
            ("党员发展把关不严", "严格执行发展党员程序 & 公示制度", "张三", "2024年3月"),
            ("组织生活不经常", "每月固定主题党日<含学习>", "李四", "2024年6月"),
        ), caption="问题整改清单"),
    ))
    branches = Section("heading", "", items=(
        Item(unit="xx社区", paragraphs=("支委班子成员抓党建工作用力不均，合力不足。",)),
        Item(unit="xx村", paragraphs=("党员年龄老化，活力不足，后继乏人现象突出。",)),
    ), numbered=False, enumeration=Enumeration("none"))
    demands = Section("heading", "下一步的工作要求", items=(
        Item("强化主业抓责任", body),
        Item("紧盯问题抓整改", body),
    ), enumeration=Enumeration("yiyao"))
    return Speech(Meta("critique", "支部书记抓党建工作述职点评提纲", date="2024年1月5日"),
                  (results, problems, branches, demands), salutation="同志们：",
                  opening=(OPENING,), closing=("我的点评就到这里。谢谢大家。",))


def notice() -> Speech:
    """Return a notice with issuer, document number, addressee, attachments, signature and date."""
    meta = Meta("notice", "关于从严从实做好党支部书记抓基层党建述职评议考核工作的通知",
                doc_number="党办发〔2018〕12号", issuer="中共某某委员会办公室", addressee="各党支部：",
                signature="中共某某委员会办公室", date="2018年10月14日",
                attachments=("述职评议考核评分表", "问题清单样表"))
    section = Section("heading", "精心做好述职准备", items=(
        Item("加强理论学习", (PARAGRAPH,)), Item("开展专题调研", (PARAGRAPH,))),
        enumeration=Enumeration("heading", "separate"))
    return Speech(meta, (section,), opening=(OPENING,))


def long_speech() -> Speech:
    """Return a critique outline long enough to fill at least three pages."""
    return critique(paragraphs=4)


def expected_texts(speech: Speech) -> list[str]:
    """Return the paragraph texts python-docx should read, tables flattened row by row."""
    out: list[str] = []
    blocks = layout(speech)
    for block in blocks:
        if isinstance(block, TableBlock):
            out.append("|".join(block.table.columns))
            out.extend("|".join(row) for row in block.table.rows)
        else:
            out.append(plain_text(block.text))
    return out


def read_texts(data: bytes) -> list[str]:
    """Return the paragraph texts of a DOCX in body order, a table row as one ``|``-joined text."""
    document = docx.Document(io.BytesIO(data))
    out: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            out.extend("|".join(cell.text for cell in row.cells) for row in item.rows)
        else:
            out.append(item.text)
    while out and out[-1] == "" and isinstance(item, docx.text.paragraph.Paragraph):
        out.pop()
    return out


def part(data: bytes, name: str) -> etree._Element:
    """Return a part of a DOCX parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


@pytest.mark.parametrize("make", [critique, notice, long_speech])
def test_text_reads_back_in_order(make) -> None:
    speech = make()
    assert read_texts(render_docx(speech)) == expected_texts(speech)
