"""The official type faces a GB/T 9704 document names (the DOCX styles and the font aliases share them)."""

from __future__ import annotations

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
