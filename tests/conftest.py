"""Shared fixtures: paths of the repository, and a small critique outline as plain data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# CI runs the properties on a fixed, reproducible choice of examples (`.ci/run` sets the profile), so
# that a red run is the code's doing and can be rerun; developers keep Hypothesis's random search.
settings.register_profile("ci", derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Messages are asserted in English: the tests, and the commands they run, speak English whatever the
# locale of the machine (tests of the Chinese messages choose zh themselves).
os.environ["SPEECHKIT_LANG"] = "en"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m speechkit`` as a subprocess and capture its output as text."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "speechkit", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


@pytest.fixture
def outline() -> dict[str, Any]:
    """Return a small critique outline with every construct the spine knows."""
    return {
        "kind": "critique_outline",
        "title": "支部书记抓党建工作述职点评提纲",
        "facts": {"secretaries": 4, "first_secretaries": 4},
        "opening": "我们听取了{{ secretaries }}位支部书记和{{ first_secretaries }}位第一书记的述职，"
        "从{{ sections | count_cn }}个方面作简要点评。",
        "sections": [
            {
                "type": "achievements",
                "lead": "今年以来，各项任务较好完成。",
                "items": [
                    {"title": "党建责任有效落实", "text": "年初，镇党委创新提出工作法。"},
                    {
                        "title": "党建重点工作任务稳步推进",
                        "items": [
                            {"title": "后进支部整顿成效明显", "text": "今年对列入后进的支部进行整顿。"},
                            {"title": "示范点创建稳步提升", "text": "按照区上要求建设示范走廊。"},
                        ],
                    },
                ],
            },
            {
                "type": "common_problems",
                "lead": "共性问题主要表现在{{ items | count_cn }}个方面：",
                "items": [
                    {"title": "主业意识不强", "text": "部分支部书记抓党建的意识没有内化于心。"},
                    {"title": "制度执行不力", "text": "“三会一课”开展不经常。"},
                ],
                "closing": "同时，还存在一些个性问题，下面我逐一点评。",
            },
            {
                "type": "branch_issues",
                "numbered": False,
                "items": [
                    {"branch": "xx社区", "issues": ["支委班子成员抓党建工作用力不均", "合力不足。"]},
                    {"branch": "xx村", "issues": "党员发展把关不严，程序不规范。"},
                ],
            },
            {
                "type": "requirements",
                "items": [
                    {"title": "强化主业抓责任", "text": "各党支部书记要坚决承担和落实党建责任。"},
                    {"title": "紧盯问题抓整改", "text": "逐条逐项列出问题清单。"},
                ],
            },
        ],
    }
