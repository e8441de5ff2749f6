"""Section types that differ only in their default title and enumeration."""

from __future__ import annotations

from ..i18n import N_
from ..model.speech import Enumeration
from ..registry import SectionType
from .derive import COMMON_PROBLEMS

STANDARD_TYPES: tuple[SectionType, ...] = (
    SectionType(
        "achievements",
        N_("主要成效: what went well, as 一是/二是 points."),
        "主要成效",
        Enumeration("yishi"),
        title_pattern="成效|成绩|成果|亮点|做法|经验",
    ),
    COMMON_PROBLEMS,
    SectionType(
        "causes",
        N_("原因: why the problems arose, as （一）（二） headings."),
        "产生问题的主要原因",
        Enumeration("heading"),
        title_pattern="原因",
    ),
    SectionType(
        "requirements",
        N_("工作要求: what is asked of the audience, as 一要/二要 points."),
        "下一步的工作要求",
        Enumeration("yiyao"),
        title_pattern="要求|意见",
    ),
    SectionType(
        "situation",
        N_("基本情况: the facts and figures of the subject, as 一是/二是 points."),
        "基本情况",
        Enumeration("yishi"),
        title_pattern="情况|概况|现状",
    ),
    SectionType(
        "plans",
        N_("下一步打算: what will be done next, as 一是/二是 points."),
        "下一步工作打算",
        Enumeration("yishi"),
        title_pattern="打算|计划|建议|对策|思路|措施|下一步|下阶段",
    ),
    SectionType(
        "generic",
        N_("Any section: give it a title; items are （一）（二） headings by default."),
        "",
        Enumeration("heading"),
        required=("title",),
    ),
)
