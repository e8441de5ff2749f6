"""The official type faces a GB/T 9704 document names, and the free faces that stand in for them.

The DOCX styles name the official faces; the PDF writer and ``speechkit fonts`` map them to the stand-ins.
"""

from __future__ import annotations

from dataclasses import dataclass

from .docx_xml import escape

#: 方正小标宋简体: titles and the 发文机关标志.
XIAOBIAOSONG = "方正小标宋简体"
#: 仿宋_GB2312: body text.
FANGSONG = "仿宋_GB2312"
#: 黑体: level-1 headings.
HEITI = "黑体"
#: 楷体_GB2312: level-2 headings.
KAITI = "楷体_GB2312"
#: 宋体: page numbers.
SONGTI = "宋体"
#: Latin letters and digits.
LATIN = "Times New Roman"


@dataclass(frozen=True)
class Substitute:
    """A free face standing in for an official one: family, weight (fontconfig const) and Debian package."""

    official: str
    role: str
    family: str
    weight: str
    package: str


#: Official face → free stand-in (each role a distinct face, weight or design).
SUBSTITUTES: tuple[Substitute, ...] = (
    Substitute(XIAOBIAOSONG, "标题 title", "Noto Serif CJK SC", "bold", "fonts-noto-cjk"),
    Substitute(HEITI, "一级标题 level 1", "Noto Sans CJK SC", "regular", "fonts-noto-cjk"),
    Substitute(KAITI, "二级标题 level 2", "AR PL UKai CN", "regular", "fonts-arphic-ukai"),
    Substitute(FANGSONG, "正文 body", "Noto Serif CJK SC", "regular", "fonts-noto-cjk"),
    Substitute(SONGTI, "页码 page numbers", "Noto Serif CJK SC", "regular", "fonts-noto-cjk"),
    Substitute(LATIN, "西文 Latin", "Liberation Serif", "regular", "fonts-liberation"),
)


def fontconfig_xml(*, standalone: bool = True) -> str:
    """Return a fontconfig file mapping each official face to its stand-in (family and weight).

    ``standalone`` includes the system configuration (for ``FONTCONFIG_FILE``); without it the
    text suits a ``conf.d`` folder. Rules only fire for a family the machine lacks.
    """
    rules = []
    for sub in SUBSTITUTES:
        weight = (
            f'<edit name="weight" mode="assign" binding="strong"><const>{sub.weight}</const></edit>'
            if sub.weight != "regular"
            else ""
        )
        rules.append(
            f'<match target="pattern"><test qual="any" name="family"><string>{escape(sub.official)}</string></test>'
            f'<edit name="family" mode="prepend" binding="strong"><string>{escape(sub.family)}</string></edit>'
            f"{weight}</match>"
        )
    include = '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>' if standalone else ""
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
        f"{include}{''.join(rules)}</fontconfig>\n"
    )
