"""``speechkit check``: rules that catch what a reviewer catches, in facts, built documents and drafts."""

from .finding import RULES, Finding, Fix
from .runner import check_doc, check_path, check_paths, check_speech, check_text
from .sources import InputError

__all__ = [
    "RULES",
    "Finding",
    "Fix",
    "InputError",
    "check_doc",
    "check_path",
    "check_paths",
    "check_speech",
    "check_text",
]
