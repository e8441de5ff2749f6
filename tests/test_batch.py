"""Batch builds: many facts files in one call, -j workers, bad files among good ones, same-stem inputs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from conftest import run_cli
from speechkit import build, build_many, render
from speechkit.apps.batch import BuildOptions, Job, Outcome

MANY = 200


def variant(outline: dict[str, Any], number: int) -> dict[str, Any]:
    """Return the outline with figures and a title that differ for each number."""
    data = copy.deepcopy(outline)
    data["title"] = f"第{number}党支部书记抓党建工作述职点评提纲"
    data["facts"] = {"secretaries": number, "first_secretaries": number % 7 + 1}
    return data


def write_facts(folder: Path, outline: dict[str, Any], count: int) -> list[Path]:
    """Write ``count`` different facts files named doc000.yaml … into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"doc{number:03d}.yaml"
        path.write_text(yaml.safe_dump(variant(outline, number), allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` by relative name, but the record of what speechkit wrote there."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".speechkit-outputs.json"
    }


def test_many_files_in_one_call_match_single_builds(tmp_path: Path, outline: dict[str, Any]) -> None:
    paths = write_facts(tmp_path / "facts", outline, MANY)
    result = run_cli("build", str(tmp_path / "facts"), "-j", "2", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"speechkit: {MANY} of {MANY} documents built ({2 * MANY} files in {tmp_path / 'out'})"
    )
    out = tree(tmp_path / "out")
    assert len(out) == 2 * MANY
    for number in (0, 57, MANY - 1):  # whole single-file runs, as a user types them
        single = tmp_path / f"single{number}"
        done = run_cli("build", str(paths[number]), "-o", str(single), "--no-check")
        assert done.returncode == 0, done.stderr
        for name, data in tree(single).items():
            assert out[name] == data, name
    for number, path in enumerate(paths):  # and every document against the library's own render
        speech = build(variant(outline, number))
        assert out[f"{path.stem}.md"] == str(render(speech, "md")).encode("utf-8")
        assert out[f"{path.stem}.docx"] == render(speech, "docx")
        assert f"第{number}党支部书记".encode() in out[f"{path.stem}.md"]


def test_two_workers_write_what_one_writes(tmp_path: Path, outline: dict[str, Any]) -> None:
    write_facts(tmp_path / "facts", outline, MANY)
    one = run_cli("build", str(tmp_path / "facts"), "-j", "1", "-f", "md,docx", "-o", str(tmp_path / "one"))
    two = run_cli("build", str(tmp_path / "facts"), "-j", "2", "-f", "md,docx", "-o", str(tmp_path / "two"))
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    first, second = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(first) == 2 * MANY and first == second


def test_a_bad_file_among_many_is_named_and_the_rest_are_built(tmp_path: Path, outline: dict[str, Any]) -> None:
    paths = write_facts(tmp_path / "facts", outline, MANY)
    bad = paths[123]
    text = bad.read_text(encoding="utf-8").replace("type: common_problems", "type: no_such_type")
    bad.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "no_such_type" in row)
    result = run_cli("build", *map(str, paths), "-f", "md", "-j", "2", "--no-check", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [row for row in result.stderr.splitlines() if not row.startswith("speechkit: ")]
    assert len(errors) == 1 and errors[0].startswith(f"{bad}:{line}:"), result.stderr
    assert "no_such_type" in errors[0]
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".speechkit-outputs.json")
    assert len(written) == MANY - 1 and f"{bad.stem}.md" not in written
    assert result.stderr.splitlines()[-1].endswith(f"{MANY - 1} files in {tmp_path / 'out'}), 1 failed")


def test_same_stem_twice_is_an_error_before_anything_is_written(tmp_path: Path, outline: dict[str, Any]) -> None:
    first = write_facts(tmp_path / "a", outline, 2)
    second = write_facts(tmp_path / "b", outline, 1)
    result = run_cli("build", *map(str, [*first, *second]), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "'doc000'" in result.stderr and str(second[0]) in result.stderr
    assert not (tmp_path / "out").exists()


def test_stem_with_several_inputs_and_bad_jobs_are_refused(tmp_path: Path, outline: dict[str, Any]) -> None:
    paths = write_facts(tmp_path / "facts", outline, 2)
    result = run_cli("build", *map(str, paths), "--stem", "x", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "--stem" in result.stderr and not (tmp_path / "out").exists()
    result = run_cli("build", *map(str, paths), "-j", "0", "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "at least 1" in result.stderr
    result = run_cli("build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run_cli("build", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2 and "no facts files" in result.stderr


def test_batch_findings_are_summed_up_and_strict_skips_those_documents(tmp_path: Path, outline: dict[str, Any]) -> None:
    paths = write_facts(tmp_path / "facts", outline, 3)
    result = run_cli("build", *map(str, paths), "-f", "md", "-j", "1", "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    summary = [row for row in result.stderr.splitlines() if row.startswith("warning: ")]
    assert len(summary) == 1 and "in 3 documents" in summary[0] and "SK101" in summary[0]
    strict = run_cli("build", *map(str, paths), "-f", "md", "--strict", "-o", str(tmp_path / "strict"))
    assert strict.returncode == 1
    assert "3 not written for findings (--strict)" in strict.stderr.splitlines()[-1]
    assert not (tmp_path / "strict").exists()


def test_build_many_takes_any_executor_and_reports_outcomes(tmp_path: Path, outline: dict[str, Any]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = write_facts(tmp_path / "facts", outline, 6)
    paths[2].write_text("title: [", encoding="utf-8")
    seen: list[str] = []
    with ThreadPoolExecutor(2) as pool:
        result = build_many(paths, tmp_path / "out", ["md"], executor=pool, progress=lambda o: seen.append(o.stem))
    assert sorted(seen) == [p.stem for p in paths]
    assert [o.stem for o in result.outcomes] == [p.stem for p in paths]  # input order, whatever finished first
    assert [o.status for o in result.outcomes] == ["ok", "ok", "bad", "ok", "ok", "ok"]
    assert result.failed[0].error.startswith(f"{paths[2]}:2:1: ")
    assert result.exit_status == 2
    assert result.written == [tmp_path / "out" / f"{p.stem}.md" for i, p in enumerate(paths) if i != 2]


def test_jobs_carry_their_facts_so_workers_need_no_shared_disk(tmp_path: Path, outline: dict[str, Any]) -> None:
    content = yaml.safe_dump(outline, allow_unicode=True).encode("utf-8")
    result = build_many([Job("elsewhere/x.yaml", "x", content)], tmp_path, options=BuildOptions(formats=("md",)))
    assert result.exit_status == 0 and (tmp_path / "x.md").read_text(encoding="utf-8").startswith("# ")


def test_batch_records_are_changed_with_replace_and_survive_pickling() -> None:
    import pickle

    options = BuildOptions(script="hant")._replace(formats=("md",))
    assert options == BuildOptions(("md",), script="hant") and options.check
    job = Job("x.yaml", "x", b"title: x\n", context="rows.csv:2: ")
    bad = Outcome("x.yaml", "x", "bad", error="x.yaml: broken")
    assert pickle.loads(pickle.dumps((options, job, bad))) == (options, job, bad)  # what a worker receives and sends
    assert dict(bad.outputs) == {} and bad._replace(outputs={"md": b"#"}).outputs == {"md": b"#"}
    assert Outcome("y.yaml", "y", "bad").outputs == {}  # the shared default is never changed in place


def test_a_terminal_gets_a_progress_bar(tmp_path: Path, outline: dict[str, Any]) -> None:
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    write_facts(tmp_path / "facts", outline, 5)
    main, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))  # a terminal 80 wide
    try:
        done = subprocess.run(
            [sys.executable, "-m", "speechkit", "build", str(tmp_path / "facts"), "-j", "1", "-f", "md",
             "-o", str(tmp_path / "out")],
            stderr=secondary, stdout=subprocess.DEVNULL, timeout=120, check=False,
        )  # fmt: skip
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(main)
    assert done.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert "0/5" in text and "doc/s" in text  # tqdm's bar, counting documents
    assert text.rstrip().splitlines()[-1].endswith("(5 files in " + str(tmp_path / "out") + ")")


def test_input_too_deep_for_python_fails_alone(tmp_path: Path, outline: dict[str, Any]) -> None:
    from speechkit.facts.reading import Facts

    deep: dict[str, Any] = {"title": "x", "sections": [{"type": "generic", "items": [{"title": "a"}]}]}
    node = deep["sections"][0]["items"][0]
    for _ in range(3000):
        node["items"] = [{"title": "a"}]
        node = node["items"][0]
    content = yaml.safe_dump(outline, allow_unicode=True).encode("utf-8")
    jobs = [Job("deep.yaml", "deep", facts=Facts(deep, "deep.yaml")), Job("fine.yaml", "fine", content)]
    result = build_many(jobs, tmp_path, ["md"], workers=1)
    assert [o.status for o in result.outcomes] == ["bad", "ok"]
    assert result.failed[0].error == "deep.yaml: input nested too deeply to process"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fine.md"]
