"""Plugins' entry points are remembered between runs, and found again when what is installed changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from speechkit import plugin_entry_points as epc

GROUP = "speechkit.sections"


def install(site: Path, dist: str, entries: dict[str, str]) -> Path:
    """Create a distribution's metadata folder with ``entries`` in ``GROUP`` on a path entry."""
    folder = site / f"{dist}-1.0.dist-info"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8")
    lines = "".join(f"{name} = {value}\n" for name, value in entries.items())
    (folder / "entry_points.txt").write_text(f"[{GROUP}]\n{lines}", encoding="utf-8")
    return folder


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a fresh path entry at the front of sys.path, with the cache in its own folder."""
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("SPEECHKIT_CACHE_DIR", str(tmp_path / "cache"))
    return folder


def names(entries: list[epc.PluginEntry]) -> list[tuple[str, str]]:
    return [(e.name, e.value) for e in entries]


def test_cached_answer_is_the_scan(site: Path) -> None:
    install(site, "alpha", {"alpha": "alpha_plugin:setup"})
    first = epc.entry_points(GROUP)
    assert ("alpha", "alpha_plugin:setup") in names(first)
    assert first == epc.scan(GROUP)
    assert list((site.parent / "cache").glob("entry-points-*.json"))
    assert epc.entry_points(GROUP) == first


def test_a_cached_run_does_not_scan(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(site, "alpha", {"alpha": "alpha_plugin:setup"})
    first = epc.entry_points(GROUP)

    def no_scan(group: str) -> list[epc.PluginEntry]:
        raise AssertionError("scanned although the cache was good")

    monkeypatch.setattr(epc, "scan", no_scan)
    assert epc.entry_points(GROUP) == first


def test_install_remove_and_edit_are_seen(site: Path) -> None:
    assert "beta" not in dict(names(epc.entry_points(GROUP)))
    folder = install(site, "beta", {"beta": "beta_plugin:setup"})
    assert dict(names(epc.entry_points(GROUP)))["beta"] == "beta_plugin:setup"
    points = folder / "entry_points.txt"
    points.write_text(f"[{GROUP}]\nbeta = beta_plugin.v2:setup\n", encoding="utf-8")
    stat = points.stat()
    os.utime(points, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # an edit in place, a second later
    assert dict(names(epc.entry_points(GROUP)))["beta"] == "beta_plugin.v2:setup"
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    assert "beta" not in dict(names(epc.entry_points(GROUP)))


@pytest.mark.parametrize("content", ["", "{not json", '{"fingerprint": 5}', '{"fingerprint": "x", "groups": []}', "[]"])
def test_a_broken_cache_is_scanned_again_and_replaced(site: Path, content: str) -> None:
    install(site, "gamma", {"gamma": "gamma_plugin:setup"})
    target = epc.cache_file(epc.fingerprint(sys.path))
    assert target is not None
    target.parent.mkdir(parents=True)
    target.write_text(content, encoding="utf-8")
    assert ("gamma", "gamma_plugin:setup") in names(epc.entry_points(GROUP))
    assert '"gamma"' in target.read_text(encoding="utf-8")


def test_an_unwritable_cache_folder_only_costs_a_scan(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = site.parent / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("SPEECHKIT_CACHE_DIR", str(blocker / "cache"))
    install(site, "delta", {"delta": "delta_plugin:setup"})
    assert ("delta", "delta_plugin:setup") in names(epc.entry_points(GROUP))
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_environments_used_in_turn_keep_a_cache_file_each(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(site, "alpha", {"alpha": "alpha_plugin:setup"})
    other = site.parent / "other-site"
    install(other, "omega", {"omega": "omega_plugin:setup"})
    first = epc.entry_points(GROUP)
    monkeypatch.syspath_prepend(str(other))
    second = epc.entry_points(GROUP)
    assert ("omega", "omega_plugin:setup") in names(second) and second != first
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p != str(other)])
    monkeypatch.setattr(epc, "scan", lambda group: pytest.fail("scanned although this path has its cache"))
    assert epc.entry_points(GROUP) == first
    assert len(list((site.parent / "cache").glob("entry-points-*.json"))) == 2


def test_files_unread_for_a_month_are_removed(site: Path) -> None:
    cache = site.parent / "cache"
    cache.mkdir()
    old, recent = cache / "entry-points-0000dead.json", cache / "entry-points-0000beef.json"
    for path in (old, recent):
        path.write_text("{}", encoding="utf-8")
    month_ago = old.stat().st_mtime - 31 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    epc.entry_points(GROUP)
    assert not old.exists() and recent.exists()


def test_no_home_means_no_cache_and_no_tilde_folder(
    site: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("SPEECHKIT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # as when no home can be found
    monkeypatch.chdir(tmp_path)
    install(site, "alpha", {"alpha": "alpha_plugin:setup"})
    assert epc.cache_dir() is None
    assert ("alpha", "alpha_plugin:setup") in names(epc.entry_points(GROUP))
    assert not (tmp_path / "~").exists()


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SPEECHKIT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert epc.cache_dir() == tmp_path / ".cache" / "speechkit"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert epc.cache_dir() == tmp_path / "xdg" / "speechkit"


def test_entry_load_imports_the_named_attribute() -> None:
    assert epc.PluginEntry("x", "os.path:join").load() is os.path.join
    assert epc.PluginEntry("x", "os").load() is os


def test_a_build_in_a_fresh_process_imports_no_importlib_metadata_once_cached(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "SPEECHKIT_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys; from speechkit.apps.cli import main\n"
        f"main(['build', {str(root / 'examples' / 'notice.yaml')!r}, '-f', 'docx', '-o', {str(tmp_path)!r}])\n"
        "print('importlib.metadata' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env)
        for _ in range(2)
    ]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["True", "False"]
