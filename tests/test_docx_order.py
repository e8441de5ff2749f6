"""Property XML in schema order: the run of empty elements split as it stands agrees with lxml's parse."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from speechkit.writers import docx_order
from speechkit.writers.docx_order import SEQUENCES, sort_children, sort_parsed

values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)


@st.composite
def property_runs(draw: st.DrawFn) -> tuple[str, str]:
    parent = draw(st.sampled_from(["pPr", "rPr"]))
    names = draw(st.lists(st.sampled_from(SEQUENCES[parent]), min_size=1, max_size=6, unique=True))
    pieces = []
    for name in names:
        attributes = draw(st.lists(st.sampled_from(["val", "ascii", "hAnsi", "eastAsia", "line"]), unique=True))
        spaces = draw(st.sampled_from([" ", "  ", "\n", "\t"])) if draw(st.integers(0, 4)) == 0 else " "
        text = "".join(f'{spaces}w:{a}="{draw(values).replace("&", "&amp;").replace("<", "&lt;")}"' for a in attributes)
        closing = draw(st.sampled_from(["/>", " />"])) if draw(st.integers(0, 4)) == 0 else "/>"
        if name in ("pBdr", "tabs") and draw(st.booleans()):
            pieces.append(f'<w:{name}{text}><w:bottom w:val="single"/></w:{name}>')
        else:
            pieces.append(f"<w:{name}{text}{closing}")
    return parent, "".join(pieces)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(property_runs())
@example(("rPr", '<w:sz w:val="32"/><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312"/>'))
@example(("pPr", '<w:jc w:val="both"/><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640"/>'))
def test_both_paths_give_the_same_text(run: tuple[str, str]) -> None:
    parent, xml = run
    try:
        expected = sort_parsed(parent, xml)
    except (etree.XMLSyntaxError, ValueError):
        with pytest.raises((etree.XMLSyntaxError, ValueError)):
            sort_children(parent, xml)
        return
    assert sort_children(parent, xml) == expected


@pytest.mark.parametrize(
    ("xml", "flat"),
    [
        ('<w:b/><w:sz w:val="32"/>', True),
        ('<w:sz w:val="32" />', False),  # lxml writes no space before />
        ('<w:sz  w:val="32"/>', False),
        ('<w:pBdr><w:bottom w:val="single"/></w:pBdr>', False),
        ('<w:lang w:val="a&amp;b"/>', False),
        ("<w:sz w:val='32'/>", False),
        ('<w14:ligatures w14:val="1"/>', False),
        ('<w:sz xml:space="preserve"/>', False),
        ('<w:sz w:val="a\tb"/>', False),
    ],
)
def test_only_what_lxml_would_write_unchanged_is_split_without_it(xml: str, flat: bool) -> None:
    assert bool(docx_order._FLAT_RUN.fullmatch(xml)) is flat
