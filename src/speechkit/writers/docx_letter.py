"""GB/T 9704 §10.1 信函格式 (a 函): 发文机关标志 30 mm from the top edge, red double lines, no page number on page one.

The 标志 and the two red double lines (上粗下细 4 mm under the 标志, 上细下粗 20 mm above the bottom edge, both
170 mm long and centred) are paragraphs in frames anchored to the first page; the 发文字号 sits flush right under
the first line, 7/8 of a 三号 character below it, and the title two lines under the number. The first page carries
no page number (``w:titlePg`` with a blank first-page footer); the 版记 prints only the 抄送, after the date.
"""

from __future__ import annotations

from .docx_notice import BODY_CHAR, INK_OFFSET, ISSUER_LEADING, NoticeWriter, fit_issuer
from .docx_styles import LINE, RED

#: Page and rule geometry in twips (1 mm = 56.7 twips).
PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838
TOP_MARGIN = 2098
RULE_LENGTH = 9638  # 170 mm
RULE_LEFT = (PAGE_WIDTH - RULE_LENGTH) // 2
ISSUER_EDGE = 1701  # the 标志's top edge, 30 mm below the page's
RULE_GAP = 227  # 4 mm from the 标志 to the first double line
BOTTOM_RULE = PAGE_HEIGHT - 1134  # the second double line, 20 mm above the bottom edge
#: A double line: thick 1.5 pt and thin 0.5 pt (in eighths of a point), 1.5 pt apart (in twips).
THICK, THIN = 12, 4
RULE_GAP_LINE = 30
RULE_HEIGHT = RULE_GAP_LINE + (THICK + THIN) * 20 // 8
#: A body character's size (三号, 16 pt) in twips, and how far below its line's text top its ink starts (measured).
BODY_SIZE = 320
INK_TOP = 62
#: The height of a 小标宋 character's ink per twip of size (measured in LibreOffice: 8.4 mm at 26 pt).
INK_HEIGHT = 0.88
#: 7/8 of a 三号 (16 pt) character's height, in twips.
SEVEN_EIGHTHS = 280
#: Letters' 标志: 二号 (22 pt) is the size practice uses for the shorter 信函 标志.
LETTER_ISSUER_SIZE = 52


class LetterWriter(NoticeWriter):
    """Write the 信函格式 matter of a 函 (a notice's 署名, 成文日期 and attachments stay as they are)."""

    def head(self) -> str:
        """Return the 标志 with the first red double line, the second at the foot of page one, and the 发文字号."""
        meta = self.meta
        names = meta.issuers or ((meta.issuer,) if meta.issuer else ())
        name = names[0] if names else ""  # joint letters carry the lead issuer's 标志 (§10.1)
        fit = fit_issuer(name, self.width, LETTER_ISSUER_SIZE)
        line = round(fit.size * 10 * ISSUER_LEADING)
        ink = round(fit.size * 10 * INK_OFFSET) + (line - fit.size * 10) // 2
        issuer_top = ISSUER_EDGE - ink
        rule = ISSUER_EDGE + round(fit.size * 10 * INK_HEIGHT) + RULE_GAP  # 4 mm under the 标志 ink
        rpr = [f'<w:sz w:val="{fit.size}"/>', f'<w:szCs w:val="{fit.size}"/>']
        if fit.scale < 100:
            rpr.append(f'<w:w w:val="{fit.scale}"/>')
        # Each double line is an empty framed paragraph with a single border above and one below it: the
        # named double styles (thinThick…) are drawn the other way up in LibreOffice than in Word.
        out = [
            self.framed(self.r(name, *rpr) if name else "", issuer_top, line, "", f"{_exact(line)}"),
            self.framed("", rule, RULE_HEIGHT, _rules(THICK, THIN), _exact(RULE_GAP_LINE)),
            self.framed("", BOTTOM_RULE, RULE_HEIGHT, _rules(THIN, THICK), _exact(RULE_GAP_LINE)),
        ]
        # The text block starts at the top margin: the number's line lies 7/8 of a character under the rule.
        # LibreOffice sets the text at the foot of an exact line: the leading above it is part of the gap.
        gap = max(rule + RULE_HEIGHT + SEVEN_EIGHTHS - TOP_MARGIN - (LINE - BODY_SIZE) + INK_TOP, 0)
        number = self.r(meta.doc_number) if meta.doc_number else ""
        spacing = f'<w:spacing w:before="{gap}" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
        ind = '<w:ind w:left="0" w:right="0" w:firstLine="0"/>'
        out.append(self.p("DocNumber", number, '<w:snapToGrid w:val="0"/>', spacing, ind, '<w:jc w:val="right"/>'))
        return "".join(out)

    def framed(self, runs: str, top: int, height: int, border: str, spacing: str) -> str:
        """Return a paragraph framed ``height`` twips high, 170 mm wide, centred, ``top`` twips below the page top."""
        frame = (
            f'<w:framePr w:w="{RULE_LENGTH}" w:h="{height}" w:hRule="exact" w:wrap="notBeside" '
            f'w:hAnchor="page" w:vAnchor="page" w:x="{RULE_LEFT}" w:y="{top}"/>'
        )
        return self.p(
            "Issuer",
            runs,
            frame,
            border,
            '<w:snapToGrid w:val="0"/>',
            spacing,
            '<w:ind w:left="0" w:right="0" w:firstLine="0"/>',
            '<w:jc w:val="center"/>',
        )

    def has_imprint(self) -> bool:
        """Tell whether a 版记 page follows: never for a letter (its 抄送 follows the date, §10.1)."""
        return False

    def signature_and_date(self) -> str:
        """Return 署名, 成文日期 and 附注, then the 抄送 line a letter's 版记 keeps."""
        out = super().signature_and_date()
        meta = self.meta
        if meta.cc:
            cc = meta.cc if meta.cc.endswith("。") else meta.cc + "。"
            before = f'<w:spacing w:before="{LINE}"/>'
            ind = f'<w:ind w:left="{BODY_CHAR}" w:right="{BODY_CHAR}" w:firstLine="0"/>'
            out += self.p("Imprint", self.r(self.word("抄送：") + cc), before, ind)
        return out


def _rules(top: int, bottom: int) -> str:
    """Return red single borders above and below a paragraph, ``top`` and ``bottom`` eighths of a point thick."""
    return (
        f'<w:pBdr><w:top w:val="single" w:sz="{top}" w:space="0" w:color="{RED}"/>'
        f'<w:bottom w:val="single" w:sz="{bottom}" w:space="0" w:color="{RED}"/></w:pBdr>'
    )


def _exact(height: int) -> str:
    """Return spacing for one exact line ``height`` twips high, nothing before or after."""
    return f'<w:spacing w:before="0" w:after="0" w:line="{height}" w:lineRule="exact"/>'


__all__ = ["LetterWriter"]
