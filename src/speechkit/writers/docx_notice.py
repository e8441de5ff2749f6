"""GB/T 9704 front and back matter of a notice: 版头, 署名和成文日期, 附注, attachment pages, 版记.

Positions are computed in twips from the grid (one line 579, one character of body type about
315 after the −0.25 pt condensing) and were measured in LibreOffice's PDF (tests/test_gbt9704*.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..model.speech import Meta
from .docx_order import ordered
from .docx_styles import CHAR, ISSUER_SIZE, LINE, RED
from .docx_xml import run_content
from .title_lines import title_lines

#: The 发文机关标志's top edge lies 35 mm below the text block's (GB/T 9704 §7.2.3).
ISSUER_TOP = 1984
#: Where the ink of a 小标宋 character starts below the top of its exact-height line, per twip of size
#: (measured: Noto Serif CJK drawn for 方正小标宋简体 in LibreOffice).
INK_OFFSET = 0.04
#: Line height of the 标志 as a multiple of its size.
ISSUER_LEADING = 1.2
#: Narrowest character scaling (``w:w``, percent) before the 标志's size is reduced instead.
MIN_SCALE = 60
#: Smallest 标志 size in half points (二号, 22 pt).
MIN_ISSUER_SIZE = 44
#: Width of a body character (三号 16 pt condensed by 0.25 pt) and of a half-width digit, in twips.
BODY_CHAR = CHAR - 5
HALF_CHAR = BODY_CHAR // 2
#: 版记 type: 四号 (14 pt); one character of it in twips.
IMPRINT_CHAR = 280
#: Red separator: 1.5 pt, ``w:space`` points below the 发文字号 so that it lies 4 mm under the text.
SEPARATOR_SIZE = 12
SEPARATOR_SPACE = 5
#: 版记 rules in eighths of a point: thick 0.35 mm (1 pt), thin 0.25 mm (0.75 pt).
THICK_RULE = 8
THIN_RULE = 6


#: Height of the text block (225 mm) in twips, and the slack left under the 版记's last rule.
TEXT_HEIGHT = 16838 - 2098 - 1984
IMPRINT_SLACK = 20
#: Height of the paragraph that must follow the 版记 table at the end of the document.
HAIR = 20


def text_height(page_setup: str) -> int:
    """Return the text block height in twips of a section's page setup XML (GB/T 9704's if unreadable)."""
    height = re.search(r'<w:pgSz\b[^>]*\bw:h="(\d+)"', page_setup)
    top = re.search(r'<w:pgMar\b[^>]*\bw:top="(-?\d+)"', page_setup)
    bottom = re.search(r'<w:pgMar\b[^>]*\bw:bottom="(-?\d+)"', page_setup)
    if not (height and top and bottom):
        return TEXT_HEIGHT
    return int(height.group(1)) - abs(int(top.group(1))) - abs(int(bottom.group(1)))


def text_twips(text: str, char: int = BODY_CHAR) -> int:
    """Return the width of ``text`` in twips: a full-width character is ``char``, ASCII half of it."""
    return sum(char // 2 if ord(c) < 0x2000 else char for c in text)


class IssuerFit(NamedTuple):
    """Size (half points) and character scaling (percent) that keep the 标志 on one line."""

    size: int
    scale: int


def fit_issuer(text: str, width: int, size: int = ISSUER_SIZE) -> IssuerFit:
    """Return the size and scaling at which ``text`` fills at most 98% of ``width`` twips."""
    chars = max(text_twips(text, 2) / 2, 1)
    room = width * 0.98
    natural = chars * size * 10
    if natural <= room:
        return IssuerFit(size, 100)
    scale = math.floor(room / natural * 100)
    if scale >= MIN_SCALE:
        return IssuerFit(size, scale)
    smaller = max(MIN_ISSUER_SIZE, math.floor(room / (chars * 10 * MIN_SCALE / 100)))
    return IssuerFit(smaller, min(100, math.floor(room / (chars * smaller * 10) * 100)))


class NoticeWriter:
    """Write the notice matter of one document for a package's style IDs."""

    def __init__(self, meta: Meta, styles: Mapping[str, str], width: int, height: int = TEXT_HEIGHT) -> None:
        self.meta = meta
        self.styles = styles
        self.width = width
        self.height = height

    def p(self, style: str, runs: str = "", *ppr: str) -> str:
        """Return a paragraph of ``style`` with extra paragraph properties ``ppr``."""
        props = ordered("pPr", f'<w:pStyle w:val="{self.styles[style]}"/>', *ppr)
        return f"<w:p><w:pPr>{props}</w:pPr>{runs}</w:p>"

    def word(self, text: str) -> str:
        """Return a word the writer adds itself (签发人, 附件, 抄送, 印发) in the script of the document."""
        if self.meta.script in ("", "hans"):
            return text
        from ..model.script import convert

        return convert(text, self.meta.script)

    def r(self, text: str, *rpr: str) -> str:
        """Return a run of ``text`` with direct run properties ``rpr`` (character style first)."""
        props = ordered("rPr", *rpr)
        return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{run_content(text)}</w:r>"

    def rstyle(self, style: str) -> str:
        """Return ``w:rStyle`` naming a character style."""
        return f'<w:rStyle w:val="{self.styles[style]}"/>'

    # -- 版头 --------------------------------------------------------------------------------------

    def has_head(self) -> bool:
        """Tell whether the document has a 版头 (an issuer, a document number or top-left marks)."""
        meta = self.meta
        return bool(meta.issuer or meta.doc_number or meta.copy_number or meta.secrecy or meta.urgency)

    def head(self) -> str:
        """Return the 版头: top-left marks, 标志, 发文字号 (with 签发人) and the red separator."""
        meta = self.meta
        out = []
        marks = [
            ("CopyNumber", meta.copy_number),
            ("Secrecy", meta.secrecy),
            ("Urgency", meta.urgency),
        ]
        used = 0
        for style, text in marks:
            if text:
                out.append(self.p(style, self.r(text)))
                used += 1
        names = meta.issuers or ((meta.issuer,) if meta.issuer else ())
        if names:
            widest = max(names, key=lambda name: text_twips(name, 2))
            # Joint issuers share the line with the suffix beside them (and a character's gap).
            beside = "\u3000" + meta.issuer_suffix if meta.issuers and meta.issuer_suffix else ""
            fit = fit_issuer(widest + (beside if meta.issuers else meta.issuer_suffix), self.width)
            line = round(fit.size * 10 * ISSUER_LEADING)
            gap = ISSUER_TOP - used * LINE - round(fit.size * 10 * INK_OFFSET) - (line - fit.size * 10) // 2
            out.append(self.issuer(names, fit, line, max(gap, 0)))
        if names or meta.doc_number:
            out.append(self.doc_number_line(bool(names)))
        return "".join(out)

    def spacer(self, height: int) -> str:
        """Return an empty paragraph exactly ``height`` twips high, off the grid."""
        return self.p(
            "Normal",
            "",
            '<w:snapToGrid w:val="0"/>',
            f'<w:spacing w:before="0" w:after="0" w:line="{height}" w:lineRule="exact"/>',
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>',
        )

    def issuer(self, names: tuple[str, ...], fit: IssuerFit, line: int, gap: int) -> str:
        """Return the 标志 ``gap`` twips below the marks: one condensed line, or joint issuers stacked."""
        rpr = [f'<w:w w:val="{fit.scale}"/>'] if fit.scale < 100 else []
        rpr += [f'<w:sz w:val="{fit.size}"/>', f'<w:szCs w:val="{fit.size}"/>']
        spacing = f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'
        suffix = self.meta.issuer_suffix
        if len(names) == 1:
            first = f'<w:spacing w:before="{gap}" w:after="0" w:line="{line}" w:lineRule="exact"/>'
            return self.p("Issuer", self.r(names[0] + suffix, *rpr), first)
        char = fit.size * 10 * fit.scale // 100
        widest = max(text_twips(name, char) for name in names)
        suffix_width = text_twips(suffix, char) + char if suffix else 0
        left = min(widest + char // 4, self.width - suffix_width)
        cells = "".join(self.p("Issuer", self.r(name, *rpr), spacing, '<w:jc w:val="distribute"/>') for name in names)
        beside = self.p("Issuer", self.r(suffix, *rpr), spacing) if suffix else self.p("Issuer")
        none = '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>' + (
            '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        )
        return self.spacer(max(gap, 20)) + (
            f'<w:tbl><w:tblPr><w:tblW w:w="{left + suffix_width}" w:type="dxa"/><w:jc w:val="center"/>{none}'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{left}"/><w:gridCol w:w="{suffix_width}"/></w:tblGrid><w:tr>'
            f'<w:tc><w:tcPr><w:tcW w:w="{left}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>{cells}</w:tc>'
            f'<w:tc><w:tcPr><w:tcW w:w="{suffix_width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            f"{beside}</w:tc></w:tr></w:tbl>"
        )

    def doc_number_line(self, after_issuer: bool) -> str:
        """Return the 发文字号 (and 签发人 lines) with the red separator under the last line."""
        meta = self.meta
        before = 2 * LINE if after_issuer else 0
        border = (
            f'<w:pBdr><w:bottom w:val="single" w:sz="{SEPARATOR_SIZE}" w:space="{SEPARATOR_SPACE}" '
            f'w:color="{RED}"/></w:pBdr>'
        )
        spacing = f'<w:spacing w:before="{before}" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        if not meta.signers:
            return self.p("DocNumber", self.r(meta.doc_number) if meta.doc_number else "", spacing, border)
        # 上行文: 签发人 right, one character in; the number flush left one character in, on the last line.
        label = self.word("签发人：")
        pairs = [meta.signers[i : i + 2] for i in range(0, len(meta.signers), 2)]
        # The number sits one character in by a tab stop, not an indent: the separator under the
        # last line must span the whole text block.
        tabs = (
            f'<w:tabs><w:tab w:val="left" w:pos="{BODY_CHAR}"/>'
            f'<w:tab w:val="right" w:pos="{self.width - BODY_CHAR}"/></w:tabs>'
        )
        ind = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
        out = []
        for index, pair in enumerate(pairs):
            last = index == len(pairs) - 1
            lead = self.r(meta.doc_number) if last and meta.doc_number else ""
            names = self.r("\u3000".join(pair), self.rstyle("SignerName"))
            prefix = self.r(label if index == 0 else "\u3000" * len(label))
            runs = f"<w:r><w:tab/></w:r>{lead}<w:r><w:tab/></w:r>{prefix}{names}"
            props = [spacing if index == 0 else "", tabs, ind, '<w:jc w:val="left"/>']
            if last:
                props.append(border)
            out.append(self.p("Signer", runs, *props))
        return "".join(out)

    # -- 署名, 成文日期, 附注 ------------------------------------------------------------------------

    def signature_and_date(self) -> str:
        """Return 署名 and 成文日期 placed per §7.3.5, with or without a seal."""
        meta = self.meta
        sig = text_twips(meta.signature)
        date = text_twips(meta.date)
        if meta.seal:
            date_right = 4 * BODY_CHAR
            sig_right = date_right + (date - sig) // 2
            if sig_right < 0:  # a signature wider than the room: the date moves left to keep it centred
                date_right -= sig_right
                sig_right = 0
        else:
            sig_right = 2 * BODY_CHAR
            date_right = sig_right + sig - 2 * BODY_CHAR - date
            if date_right < 2 * BODY_CHAR:
                date_right = 2 * BODY_CHAR
                sig_right = date_right + date + 2 * BODY_CHAR - sig
        date_ppr = self.right(date_right)
        if not meta.seal and date_right > 2 * BODY_CHAR and meta.signature:
            # The date starts two characters right of the signature's start: set that start as a
            # left indent, so it holds whatever width the reader's Latin face gives the digits.
            start = self.width - sig_right - sig + 2 * BODY_CHAR
            date_ppr = f'<w:ind w:left="{start}" w:right="0" w:firstLine="0"/><w:jc w:val="left"/>'
        out = []
        if meta.signature:
            out.append(self.p("Signature", self.r(meta.signature), self.right(sig_right)))
        if meta.date:
            out.append(self.p("Date", self.r(meta.date), date_ppr))
        if meta.note:
            note = meta.note if meta.note.startswith("（") else f"（{meta.note}）"
            out.append(self.p("Note", self.r(note)))
        return "".join(out)

    @staticmethod
    def right(twips: int) -> str:
        """Return a right indent of ``twips`` and no other indent."""
        return f'<w:ind w:left="0" w:right="{max(twips, 0)}" w:firstLine="0"/>'

    # -- 附件 ----------------------------------------------------------------------------------------

    def attachment_pages(self, body: Callable[[str], str]) -> str:
        """Return each attachment with a text on pages of its own: 附件N, blank line, title, text."""
        meta = self.meta
        out = []
        several = len(meta.attachments) > 1
        for index, (title, texts) in enumerate(zip(meta.attachments, meta.attachment_texts, strict=False), 1):
            if not texts:
                continue
            out.append(self.p("AttachmentLabel", self.r(self.word("附件") + (str(index) if several else ""))))
            out.append(self.p("AttachmentTitle", self.r("\n".join(title_lines(title)))))
            first = True
            for text in texts:
                extra = f'<w:spacing w:before="{LINE}" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
                out.append(self.p("BodyText", body(text), extra if first else ""))
                first = False
        return "".join(out)

    # -- 版记 ----------------------------------------------------------------------------------------

    def has_imprint(self) -> bool:
        """Tell whether the document has a 版记."""
        meta = self.meta
        return bool(meta.cc or meta.printer or meta.print_date)

    def imprint_rows(self) -> list[tuple[str, int]]:
        """Return the 版记 rows as (paragraph XML, lines): 抄送 wrapped after its colon, then 印发."""
        meta = self.meta
        rows = []
        if meta.cc:
            cc = meta.cc if meta.cc.endswith("。") else meta.cc + "。"
            label = self.word("抄送：")
            hang = text_twips(label, IMPRINT_CHAR)
            ind = f'<w:ind w:left="{hang}" w:right="0" w:hanging="{hang}"/>'
            room = self.width - 2 * IMPRINT_CHAR - hang
            lines = max(1, math.ceil(text_twips(cc, IMPRINT_CHAR) / room))
            rows.append((self.p("Imprint", self.r(label + cc), ind), lines))
        if meta.printer or meta.print_date:
            date = meta.print_date + self.word("印发") if meta.print_date else ""
            tabs = f'<w:tabs><w:tab w:val="right" w:pos="{self.width - 2 * IMPRINT_CHAR}"/></w:tabs>'
            runs = self.r(meta.printer) + ("<w:r><w:tab/></w:r>" + self.r(date) if date else "")
            rows.append((self.p("Imprint", runs, tabs), 1))
        return rows

    def imprint(self) -> str:
        """Return the 版记: a spacer, then 抄送 and 印发 rows between full-width rules, first and last thick.

        The spacer fills the page above the rows so the last rule lies on the text block's bottom edge.
        """
        rows = self.imprint_rows()
        out = []
        for index, (paragraph, lines) in enumerate(rows):
            top = THICK_RULE if index == 0 else THIN_RULE
            bottom = THICK_RULE if index == len(rows) - 1 else THIN_RULE
            borders = (
                f'<w:tcBorders><w:top w:val="single" w:sz="{top}" w:space="0" w:color="000000"/>'
                '<w:left w:val="nil"/>'
                f'<w:bottom w:val="single" w:sz="{bottom}" w:space="0" w:color="000000"/>'
                '<w:right w:val="nil"/></w:tcBorders>'
            )
            out.append(
                f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{lines * LINE}" w:hRule="exact"/></w:trPr>'
                f'<w:tc><w:tcPr><w:tcW w:w="{self.width}" w:type="dxa"/>{borders}<w:vAlign w:val="center"/>'
                f"</w:tcPr>{paragraph}</w:tc></w:tr>"
            )
        margins = (
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{IMPRINT_CHAR}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{IMPRINT_CHAR}" w:type="dxa"/></w:tblCellMar>'
        )
        used = sum(lines for _row, lines in rows) * LINE
        spacer = self.spacer(max(self.height - used - HAIR - IMPRINT_SLACK, 20))
        return (
            f'{spacer}<w:tbl><w:tblPr><w:tblW w:w="{self.width}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblInd w:w="0" w:type="dxa"/><w:tblLayout w:type="fixed"/>{margins}</w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{self.width}"/></w:tblGrid>{"".join(out)}</w:tbl>'
        )

    def imprint_end(self) -> str:
        """Return the hair-thin paragraph a document needs after the 版记 table (it ends the body)."""
        return self.p(
            "Normal",
            "",
            '<w:snapToGrid w:val="0"/>',
            f'<w:spacing w:before="0" w:after="0" w:line="{HAIR}" w:lineRule="exact"/>',
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>',
        )
