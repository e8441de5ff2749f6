"""`speechkit build -o` replaces only files it wrote and nobody changed since (CLI as a subprocess)."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from speechkit.apps.outputs import OutputGuard, OverwriteError

RECORD = ".speechkit-outputs.json"


def facts(folder: Path, outline: dict[str, Any], name: str = "a") -> Path:
    """Write the outline as ``name.yaml`` in ``folder``."""
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    return path


def build(*args: str | Path) -> Any:
    """Run ``speechkit build … --no-check -f md,html``."""
    return run_cli("build", *map(str, args), "-f", "md,html", "--no-check")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file in ``folder`` (links as the text they point to) by name."""
    return {p.name: (os.readlink(p).encode() if p.is_symlink() else p.read_bytes()) for p in sorted(folder.iterdir())}


def test_fresh_build_writes_and_records(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    result = build(facts(tmp_path, outline), "-o", out)
    assert result.returncode == 0, result.stderr
    record = json.loads((out / RECORD).read_text(encoding="utf-8"))
    assert sorted(record["files"]) == ["a.html", "a.md"] and record["speechkit"]
    assert record["files"]["a.md"] == hashlib.sha256((out / "a.md").read_bytes()).hexdigest()


def test_rebuild_replaces_its_own_files_silently(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    source = facts(tmp_path, outline)
    assert build(source, "-o", out).returncode == 0
    outline["title"] = "新的标题提纲"
    source.write_text(yaml.safe_dump(outline, allow_unicode=True), encoding="utf-8")
    result = build(source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "新的标题提纲" in (out / "a.md").read_text(encoding="utf-8")
    assert build(source, "-o", out).returncode == 0  # and again, from the record written the second time


def test_an_edited_output_is_refused_and_nothing_is_written(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    source = facts(tmp_path, outline)
    assert build(source, "-o", out).returncode == 0
    (out / "a.html").unlink()  # gone: it would be written again, but the refusal stops the whole build
    with (out / "a.md").open("a", encoding="utf-8") as handle:
        handle.write("我的修改\n")
    before = snapshot(out)
    result = build(source, "-o", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(out / "a.md") in lines[0] and "--force" in lines[0]
    assert snapshot(out) == before

    forced = build(source, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "我的修改" not in (out / "a.md").read_text(encoding="utf-8") and (out / "a.html").exists()
    assert build(source, "-o", out).returncode == 0  # what --force wrote is recorded


def test_the_users_own_file_is_refused(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("我自己的文件\n", encoding="utf-8")
    result = build(facts(tmp_path, outline), "-o", out)
    assert result.returncode == 2
    assert str(out / "a.md") in result.stderr and "--force" in result.stderr
    assert snapshot(out) == {"a.md": "我自己的文件\n".encode()}


def test_a_symbolic_link_is_refused_and_forced_replaces_the_link(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    precious = tmp_path / "precious.md"
    precious.write_text("别动\n", encoding="utf-8")
    (out / "a.md").symlink_to(precious)
    source = facts(tmp_path, outline)
    result = build(source, "-o", out)
    assert result.returncode == 2 and "symbolic link" in result.stderr
    assert (out / "a.md").is_symlink() and not (out / "a.html").exists()

    forced = build(source, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (out / "a.md").is_symlink() and "支部书记" in (out / "a.md").read_text(encoding="utf-8")
    assert precious.read_text(encoding="utf-8") == "别动\n"


def test_a_batch_checks_every_target_first(tmp_path: Path, outline: dict[str, Any]) -> None:
    out = tmp_path / "out"
    sources = tmp_path / "facts"
    sources.mkdir()
    for name in "abcdefghij":
        facts(sources, outline, name)
    first = run_cli("build", str(sources), "-o", str(out), "-f", "md", "--no-check", "-j", "2")
    assert first.returncode == 0, first.stderr
    assert len(json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]) == 10
    again = run_cli("build", str(sources), "-o", str(out), "-f", "md", "--no-check", "-j", "2")
    assert again.returncode == 0, again.stderr

    (out / "j.md").write_text("改过\n", encoding="utf-8")
    for name in "abc":
        (out / f"{name}.md").unlink()
    before = snapshot(out)
    refused = run_cli("build", str(sources), "-o", str(out), "-f", "md", "--no-check", "-j", "2")
    assert refused.returncode == 2
    assert str(out / "j.md") in refused.stderr and "--force" in refused.stderr
    assert snapshot(out) == before  # a, b, c not written either

    forced = run_cli("build", str(sources), "-o", str(out), "-f", "md", "--no-check", "-j", "2", "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(json.loads((out / RECORD).read_text(encoding="utf-8"))["files"]) == 10


def test_mail_merge_follows_the_same_rule(tmp_path: Path, outline: dict[str, Any]) -> None:
    outline["title"] = "{{ branch }}支部述职点评提纲"
    template = facts(tmp_path, outline, "letter")
    table = tmp_path / "rows.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["branch"], ["东区"], ["西区"]])
    out = tmp_path / "out"
    args = ("build", str(template), "--each", str(table), "--stem", "{{ branch }}", "-o", str(out), "-f", "md")
    assert run_cli(*args, "--no-check").returncode == 0
    assert run_cli(*args, "--no-check").returncode == 0
    (out / "西区.md").write_text("改过\n", encoding="utf-8")
    (out / "东区.md").unlink()
    refused = run_cli(*args, "--no-check")
    assert refused.returncode == 2 and str(out / "西区.md") in refused.stderr
    assert not (out / "东区.md").exists()
    assert run_cli(*args, "--no-check", "--force").returncode == 0


@pytest.mark.parametrize(
    "record",
    [
        b"{not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"format": 99, "files": {}}).encode(),
        json.dumps({"format": 1, "files": {"a.md": "0" * 63}}).encode(),
        json.dumps({"format": 1, "files": {"../a.md": "0" * 64}}).encode(),
    ],
)
def test_an_unreadable_record_counts_as_empty(tmp_path: Path, outline: dict[str, Any], record: bytes) -> None:
    out = tmp_path / "out"
    source = facts(tmp_path, outline)
    assert build(source, "-o", out).returncode == 0
    (out / RECORD).write_bytes(record)
    result = build(source, "-o", out)
    assert result.returncode == 2
    warning, refusal = result.stderr.strip().splitlines()
    assert warning.startswith("warning: ") and RECORD in warning
    assert "--force" in refusal
    assert (out / RECORD).read_bytes() == record  # nothing written, the record included
    assert build(source, "-o", out, "--force").returncode == 0
    assert build(source, "-o", out).returncode == 0  # the record is good again


def test_a_record_naming_a_digest_of_other_bytes_does_not_allow_replacing(
    tmp_path: Path, outline: dict[str, Any]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").write_text("我的\n", encoding="utf-8")
    (out / RECORD).write_text(json.dumps({"format": 1, "files": {"a.md": "0" * 64}}), encoding="utf-8")
    result = build(facts(tmp_path, outline), "-o", out)
    assert result.returncode == 2 and "changed since" in result.stderr
    assert (out / "a.md").read_text(encoding="utf-8") == "我的\n"


def test_import_force_replaces_a_link_not_its_target(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("关于开展检查的通知\n\n各单位：\n\n现将有关事项通知如下。\n", encoding="utf-8")
    precious = tmp_path / "precious.yaml"
    precious.write_text("mine: 1\n", encoding="utf-8")
    link = tmp_path / "facts.yaml"
    link.symlink_to(precious)
    assert run_cli("import", str(draft), "-o", str(link)).returncode == 2
    forced = run_cli("import", str(draft), "-o", str(link), "--force")
    assert forced.returncode == 0, forced.stderr
    assert not link.is_symlink() and precious.read_text(encoding="utf-8") == "mine: 1\n"


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    record=st.one_of(
        st.binary(max_size=200),
        st.builds(
            lambda d: json.dumps(d).encode(),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=70),
                lambda inner: (
                    st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["format", "files", "a.md"]), inner)
                ),
                max_leaves=8,
            ),
        ),
    ),
    mine=st.binary(max_size=50),
)
def test_no_record_lets_a_foreign_file_be_replaced(tmp_path_factory: Any, record: bytes, mine: bytes) -> None:
    """Whatever the record holds, an existing file is replaceable only if the record names its exact digest."""
    folder = tmp_path_factory.mktemp("out")
    (folder / "a.md").write_bytes(mine)
    (folder / RECORD).write_bytes(record)
    warnings: list[str] = []
    guard = OutputGuard(warn=warnings.append)
    try:
        guard.check([folder / "a.md"])
    except OverwriteError:
        assert (folder / "a.md").read_bytes() == mine
    else:
        assert json.loads(record)["files"]["a.md"] == hashlib.sha256(mine).hexdigest()
    assert len(warnings) <= 1
