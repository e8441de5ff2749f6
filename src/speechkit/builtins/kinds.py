"""Built-in document kinds: presets of front and back matter and expected sections."""

from __future__ import annotations

from ..i18n import N_
from ..model.speech import Enumeration
from ..registry import DocumentKind
from .official_kinds import NOTE

KINDS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "critique_outline",
        N_("述职点评提纲: critique after branch secretaries' duty reports."),
        salutation="同志们：",
        closing=("我的点评就到这里。谢谢大家。",),
        sections=("achievements", "common_problems", "branch_issues", "requirements"),
        # 点评 names the kind, not a meeting called so (在…点评会上的讲话 is a speech)
        title_pattern="点评(?!会)",
    ),
    DocumentKind(
        "speech",
        N_("讲话稿: a speech at a meeting (review, deployment, summary)."),
        salutation="同志们：",
        sections=("situation", "common_problems", "causes", "requirements"),
        titles={"situation": "前阶段工作情况", "requirements": "下阶段工作打算及要求"},
    ),
    DocumentKind(
        "research_report",
        N_("调研报告: basic situation, problems, causes and suggestions."),
        sections=("situation", "common_problems", "causes", "plans"),
        titles={"plans": "对策建议"},
        enumerations={"situation": Enumeration("heading"), "common_problems": Enumeration("heading")},
        # a report of a survey, a study or a study visit (调研报告, 研究报告, 赴…考察的情况报告)
        title_pattern="调研报告|调查报告|研究报告|考察[^，。,；;]{0,8}报告",
    ),
    DocumentKind(
        "notice",
        N_("通知: document number, addressee, numbered body, signature and date."),
        form="notice",
        sections=("generic",),
        enumerations={"generic": Enumeration("heading", "separate")},
        required_meta=("addressee", "signature", "date"),
        # a title naming a 公文 without a kind of its own (条例, 办法…) is read as a notice until it has one
        title_pattern="(?:通知|条例|规定|办法|规则|细则|制度|章程|准则|守则)" + NOTE,
        genre="通知",
        genre_title="通知",
        direction="downward|lateral",
        address_forms={"upward": "贵", "lateral": "贵", "downward": "你"},
        closing_formulas=("特此通知",),
    ),
    DocumentKind(
        "duty_report",
        N_("述职报告: 述责任 (duties done), 挖问题 (problems and causes), 谈打算 (plans and promises)."),
        sections=("achievements", "common_problems", "plans"),
        titles={
            "achievements": "履行抓党建工作责任情况",
            "common_problems": "存在的问题及原因",
            "plans": "下一步工作打算",
        },
        required_meta=("speaker",),
        required_parts={
            "述责任": "述责任|履职|履行|职责|责任落实|工作情况|主要做法|成效",
            "挖问题": "挖问题|问题|不足|差距|短板",
            "谈打算": "谈打算|打算|下一步|今后|努力方向|整改措施|工作思路|计划",
        },
        title_pattern="述职报告",
    ),
)
