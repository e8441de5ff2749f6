"""The kind follows from what the front matter holds: a speech's dateline makes a text spoken, for import and SK401."""

from __future__ import annotations

import pytest

from speechkit import read
from speechkit.checks.rules.kinds import infer_kind
from speechkit.checks.sources import doc_from_text
from speechkit.default import default_registry

SPOKEN = "关于加强基层党建工作的意见\n张三\n（2016年4月10日）\n一、提高认识\n各支部要提高认识。\n"
WRITTEN = "关于加强基层党建工作的意见\n各党支部：\n一、提高认识\n各支部要提高认识。\n中共某某镇委员会\n2016年4月10日\n"


@pytest.mark.parametrize(("draft", "kind", "told"), [(SPOKEN, "speech", ""), (WRITTEN, "opinion", "opinion")])
def test_import_and_check_tell_the_same_kind(draft: str, kind: str, told: str) -> None:
    """A spoken 意见 is no 公文 意见 for either: import reads a speech, SK401 finds no kind the title tells."""
    speech = read(draft, format="txt")
    doc = doc_from_text(draft, "draft.txt")
    doc.registry = default_registry()
    assert (speech.meta.kind, infer_kind(doc)) == (kind, told)
