"""Configuration files for ``speechkit check``: found upward, select/ignore, per-file ignores, word lists."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from speechkit.checks.config import Config, ConfigError, config_for, find_config, load_config

DRAFT = "同志们:\n通过与各支部签定了责任书，某某错词。\n"


def _check(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "speechkit", "check", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd
    )


def _codes(done: subprocess.CompletedProcess[str]) -> list[tuple[str, str]]:
    return [(line.split(":")[0], line.split(": ")[1].split()[0]) for line in done.stdout.splitlines()]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    (tmp_path / "drafts" / "a.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "drafts" / "old" / "b.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "words.yaml").write_text("words:\n  某某错词: 某某正词\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.speechkit]\nignore = ["SK201"]\nword-lists = ["words.yaml"]\n\n'
        '[tool.speechkit.per-file-ignores]\n"drafts/old/*" = ["SK210"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_pyproject_found_upward_with_per_file_ignores(project: Path) -> None:
    done = _check("drafts/a.txt", "drafts/old/b.txt", cwd=project)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(": ", 1)[1][:5] for line in lines] == ["SK210", "SK210"]
    assert "'签定'" in lines[0] and "'某某错词'" in lines[1]
    assert all(line.startswith("drafts/a.txt") for line in lines)


def test_command_line_select_wins_and_isolated_ignores_files(project: Path) -> None:
    selected = _check("--select", "SK201", "drafts/a.txt", cwd=project)
    assert [line.split(": ", 1)[1][:5] for line in selected.stdout.splitlines()] == ["SK201"]
    isolated = _check("--isolated", "drafts/a.txt", cwd=project)
    assert [line.split(": ", 1)[1][:5] for line in isolated.stdout.splitlines()] == ["SK201", "SK210"]


def test_speechkit_toml_beside_the_drafts_wins_over_pyproject(project: Path) -> None:
    (project / "drafts" / "speechkit.toml").write_text('select = ["SK2"]\n[words]\n"责任书" = "目标责任书"\n', "utf-8")
    assert find_config(project / "drafts" / "a.txt") == project / "drafts" / "speechkit.toml"
    done = _check("drafts/a.txt", cwd=project)
    assert [line.split(": ", 1)[1][:5] for line in done.stdout.splitlines()] == ["SK201", "SK210", "SK210"]
    assert "目标责任书" in done.stdout


def test_explicit_config_file(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('ignore = ["SK2"]\n', encoding="utf-8")
    done = _check("--config", str(other), "drafts/a.txt", cwd=project)
    assert done.returncode == 0 and done.stdout == ""


def test_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    inner = tmp_path / "inner"
    inner.mkdir()
    (tmp_path / "speechkit.toml").write_text('ignore = ["SK201"]\n', encoding="utf-8")
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    draft = inner / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    assert find_config(draft) == tmp_path / "speechkit.toml"
    assert config_for(draft).ignore == ("SK201",)


@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        ('select = ["SK999"]\n', ":1:1: select:", "unknown rule code"),
        ('\n\nignore = "SK1,SK9"\n', ":3:1: ignore:", "unknown rule code or prefix 'SK9'"),
        ("colour = 1\n", ":1:1: colour:", "unknown setting"),
        ("select = [\n", ":", "not valid TOML"),
        ('word-lists = ["missing.yaml"]\n', ":1:1: word-lists:", "no such word list"),
        ('[per-file-ignores]\n"*.txt" = [1]\n', ":1:1: per-file-ignores.*.txt:", "expected a list of rule codes"),
    ],
)
def test_bad_config_is_one_line_exit_2(tmp_path: Path, content: str, where: str, message: str) -> None:
    (tmp_path / "speechkit.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DRAFT, encoding="utf-8")
    done = _check("a.txt", cwd=tmp_path)
    assert done.returncode == 2
    err = done.stderr.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in done.stderr
    assert str(tmp_path / "speechkit.toml") + where in err[0] and message in err[0]


def test_codes_for_semantics(tmp_path: Path) -> None:
    path = tmp_path / "speechkit.toml"
    path.write_text('select = ["SK2"]\nignore = ["SK203"]\n[per-file-ignores]\n"old_*.txt" = ["SK210"]\n', "utf-8")
    config = load_config(path)
    assert config.codes_for(tmp_path / "new.txt") == (("SK2",), ("SK203",))
    assert config.codes_for(tmp_path / "old_1.txt") == (("SK2",), ("SK203", "SK210"))
    assert config.codes_for(tmp_path / "old_1.txt", ("SK1",), ("SK101",)) == (("SK1",), ("SK210", "SK101"))
    assert Config().codes_for(tmp_path / "x.txt") == ((), ())
    with pytest.raises(ConfigError):
        bad = tmp_path / "sub" / "speechkit.toml"
        bad.parent.mkdir()
        bad.write_text("select = 3\n", encoding="utf-8")
        load_config(bad)


def test_repealed_list_extended_by_the_configuration(tmp_path: Path) -> None:
    old = "repealed:\n  《某市旧办法》: {by: 《某市新办法》, year: 2020}\n"
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "speechkit.toml").write_text(
        'select = ["SK410"]\nrepealed-lists = ["old.yaml"]\n[repealed]\n"《某县旧规定》" = "《某县新规定》"\n', "utf-8"
    )
    (tmp_path / "a.txt").write_text(
        "根据《某市旧办法》和《某县旧规定》，执行《国家行政机关公文处理办法》。\n", encoding="utf-8"
    )
    done = _check("a.txt", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    messages = [line.split(" SK410 ", 1)[1] for line in done.stdout.splitlines()]
    assert messages == [
        "'《某市旧办法》' is repealed: replaced by 《某市新办法》 since 2020",
        "'《某县旧规定》' is repealed: replaced by 《某县新规定》",
        "'《国家行政机关公文处理办法》' is repealed: replaced by 《党政机关公文处理工作条例》 since 2012",
    ]
    isolated = _check("--isolated", "--select", "SK410", "a.txt", cwd=tmp_path)
    assert len(isolated.stdout.splitlines()) == 1


def test_a_malformed_repealed_entry_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "speechkit.toml").write_text('[repealed]\n"《旧》" = 3\n', "utf-8")
    with pytest.raises(ConfigError, match="repealed"):
        load_config(tmp_path / "speechkit.toml")
