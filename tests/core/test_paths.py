"""Where files go: TAILORFIT_HOME, portable mode, private sessions and their clean-up."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tailorfit.core import paths

REPO = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and signals")

# Starts a private session, says where, then waits to be killed (or to exit normally).
PRIVATE_CHILD = """
import sys, tempfile
from tailorfit.core import paths
root = paths.activate_private()
(paths.data_dir() / "session.json").write_text("{}")
print(root, flush=True)
if sys.argv[1] == "wait":
    sys.stdin.readline()
"""


@pytest.fixture(autouse=True)
def clean_private() -> Iterator[None]:
    yield
    paths.end_private()


@pytest.fixture
def temp_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder, for private sessions, redirected into the test's folder."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_tailorfit_home_redirects_config_data_and_cache(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "h"))
    assert paths.config_dir() == tmp_path / "h" / "config"
    assert paths.data_dir() == tmp_path / "h" / "data"
    assert paths.cache_dir() == tmp_path / "h" / "cache"
    assert paths.mode() == "home"
    from tailorfit.ui import settings

    assert settings.config_dir() == paths.config_dir()
    assert settings.data_dir() == paths.data_dir()
    assert settings.settings_path() == tmp_path / "h" / "config" / "settings.json"


def test_platform_folders_without_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.delenv(paths.PRIVATE_ENV, raising=False)
    monkeypatch.setattr(paths, "app_folders", lambda: [])
    assert paths.data_dir() == Path(platformdirs.user_data_dir("Tailorfit", False))
    assert paths.config_dir() == Path(platformdirs.user_config_dir("Tailorfit", False))
    assert paths.mode() == "user"


@posix_only
def test_folders_are_created_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "h"))
    for folder in paths.ensure_user_folders():
        assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "h").stat().st_mode & 0o777 == 0o700
    loose = tmp_path / "loose"
    loose.mkdir(mode=0o755)
    loose.chmod(0o755)
    paths.ensure_dir(loose)
    assert loose.stat().st_mode & 0o777 == 0o700  # an existing folder is tightened


@pytest.mark.parametrize("marker", paths.PORTABLE_MARKERS)
def test_portable_marker_next_to_the_frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                marker: str) -> None:
    stick = tmp_path / "usb" / "Tailorfit"
    stick.mkdir(parents=True)
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.delenv(paths.PRIVATE_ENV, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / "tailorfit"))
    assert paths.portable_root() is None
    (stick / marker).write_text("", encoding="utf-8")
    assert paths.portable_root() == stick.resolve()
    assert paths.mode() == "portable"
    assert paths.data_dir() == stick.resolve() / "tailorfit-data" / "data"
    assert paths.config_dir() == stick.resolve() / "tailorfit-data" / "config"


def test_portable_marker_at_a_checkouts_root(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.app_folders() == [REPO]


def test_a_private_session_uses_a_fresh_0700_folder_and_wipes_it(
        temp_base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "h"))
    with paths.private_session() as root:
        assert root.parent == temp_base and root.name.startswith(paths.PRIVATE_PREFIX)
        if os.name == "posix":
            assert root.stat().st_mode & 0o777 == 0o700
        assert paths.mode() == "private"
        assert paths.data_dir() == root / "data" and paths.config_dir() == root / "config"
        assert Path(tempfile.gettempdir()) == root / "tmp"
        with tempfile.NamedTemporaryFile() as handle:
            assert Path(handle.name).parent == root / "tmp"
        assert os.environ[paths.PRIVATE_ENV] == str(root)
        assert paths.user_folders(ignore_private=True)["data"] == tmp_path / "h" / "data"
    assert not root.exists()
    assert paths.mode() == "home" and paths.PRIVATE_ENV not in os.environ
    assert Path(tempfile.gettempdir()) == temp_base


def _child(mode: str, base: Path) -> tuple[subprocess.Popen[str], Path]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "desktop"), "TMPDIR": str(base)}
    env.pop(paths.PRIVATE_ENV, None)
    child = subprocess.Popen([sys.executable, "-c", PRIVATE_CHILD, mode], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    return child, Path(child.stdout.readline().strip())


def test_a_private_session_is_wiped_at_a_normal_exit(temp_base: Path) -> None:
    child, root = _child("exit", temp_base)
    child.communicate()
    assert child.returncode == 0
    assert root.parent == temp_base and not root.exists()


@posix_only
def test_a_crashed_private_session_is_swept_at_the_next_start(temp_base: Path) -> None:
    crashed, crashed_root = _child("wait", temp_base)
    alive, alive_root = _child("wait", temp_base)
    try:
        os.kill(crashed.pid, signal.SIGKILL)
        crashed.wait()
        assert (crashed_root / "data" / "session.json").exists()  # left behind by the crash
        removed = paths.sweep_private_leftovers()
        assert removed == [crashed_root] and not crashed_root.exists()
        assert alive_root.exists()  # another instance's live private session is left alone
    finally:
        for child in (crashed, alive):
            if child.poll() is None:
                child.communicate("\n")
            for stream in (child.stdin, child.stdout):
                if stream is not None and not stream.closed:
                    stream.close()
    assert not alive_root.exists()  # wiped by its own exit
    assert paths.sweep_private_leftovers() == []


def test_the_sweep_leaves_a_folder_being_created_alone(temp_base: Path) -> None:
    young = temp_base / (paths.PRIVATE_PREFIX + "starting")
    young.mkdir()
    assert paths.sweep_private_leftovers() == []
    assert young.exists()
    os.utime(young, (1, 1))  # an old folder without a lock: a run that died while starting
    assert paths.sweep_private_leftovers() == [young]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_a_private_session_moves_the_toolkits_files_too(temp_base: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    monkeypatch.setattr(paths, "app_folders", lambda: [])
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    normal = paths.user_folders()
    assert normal["data"] == tmp_path / "xdg-data" / "Tailorfit"
    with paths.private_session() as root:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            assert Path(os.environ[name]).is_relative_to(root)
        # "Forget me" still finds the normal session's folders.
        assert paths.user_folders(ignore_private=True) == normal
    assert os.environ["XDG_CONFIG_HOME"] == str(tmp_path / "xdg-config")


def test_start_session_sweeps_enters_private_and_creates_folders(
        temp_base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path / "h"))
    leftover = temp_base / (paths.PRIVATE_PREFIX + "old")
    leftover.mkdir()
    os.utime(leftover, (1, 1))
    assert paths.start_session() == [leftover]
    assert (tmp_path / "h" / "data").is_dir() and paths.mode() == "home"
    paths.start_session(private=True)
    root = paths.private_root()
    assert paths.mode() == "private" and root is not None
    assert paths.data_dir() == root / "data" and paths.data_dir().is_dir()
