"""A batch on a real Dask cluster (a scheduler and two worker processes on 127.0.0.1) gives a local build's bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from speechkit import build_many
from test_batch import tree, write_facts

distributed = pytest.importorskip("distributed")

DOCUMENTS = 40


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """Start a scheduler and two worker processes; yield the cluster."""
    import dask

    # Worker processes import distributed and speechkit before they register: give a busy machine time.
    slow = {"distributed.comm.timeouts.connect": "120s", "distributed.comm.timeouts.tcp": "120s"}
    with (
        dask.config.set(slow),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as local,
    ):
        yield local


def test_dask_cluster_builds_the_bytes_of_a_local_build(tmp_path: Path, outline: dict[str, Any], cluster: Any) -> None:
    write_facts(tmp_path / "facts", outline, DOCUMENTS)
    local = run_cli("build", str(tmp_path / "facts"), "-j", "1", "-o", str(tmp_path / "local"), "--no-check")
    assert local.returncode == 0, local.stderr
    remote = run_cli(
        "build", str(tmp_path / "facts"), "--scheduler", cluster.scheduler_address, "-o", str(tmp_path / "dask"),
        "--no-check",
    )  # fmt: skip
    assert remote.returncode == 0, remote.stderr
    expected = tree(tmp_path / "local")
    assert len(expected) == 2 * DOCUMENTS and tree(tmp_path / "dask") == expected
    with distributed.Client(cluster.scheduler_address) as client:
        result = build_many([tmp_path / "facts"], tmp_path / "api", executor=client.get_executor())
        ran_on = client.run(lambda: __import__("os").getpid())
    assert result.exit_status == 0 and tree(tmp_path / "api") == expected
    assert len(ran_on) == 2


def test_unreachable_scheduler_is_one_line(tmp_path: Path, outline: dict[str, Any], monkeypatch: Any) -> None:
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")
    write_facts(tmp_path / "facts", outline, 2)
    result = run_cli("build", str(tmp_path / "facts"), "--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path / "o"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("speechkit: cannot reach the Dask scheduler")
