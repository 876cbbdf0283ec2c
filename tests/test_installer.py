"""The installer's pieces: the PyInstaller spec and how the environment steers it, the Inno
Setup script's promises (per machine, Start menu, data left at uninstall), the Linux desktop
entry and icons, and the frozen entry point. Building takes minutes, so CI builds and runs the
binary in installer/build.sh; the last test here runs a built one when it is present."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.conftest import REPO

INSTALLER = REPO / "installer"
ICONS = REPO / "resources" / "icons"


class _Stub:
    """Stands in for PyInstaller's build classes and records how the spec called them."""

    made: ClassVar[list[tuple[str, tuple[Any, ...], dict[str, Any]]]] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        type(self).made.append((type(self).__name__, args, kwargs))
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []
        self.datas: list[Any] = []


def run_spec(monkeypatch: pytest.MonkeyPatch, platform: str,
             env: dict[str, str]) -> list[tuple[str, tuple[Any, ...], dict[str, Any]]]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    collected: list[str] = []

    def collect(name: str, *args: Any, **kwargs: Any) -> list[tuple[str, str]]:
        collected.append(name)
        return [(f"<{name}>", name)]

    for function in ("collect_data_files", "collect_submodules", "copy_metadata"):
        setattr(hooks, function, collect)
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    for key in ("AMENDS_WINDOWED", "AMENDS_ICON", "AMENDS_STRIP", "AMENDS_NAME"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    made: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    stubs = {name: type(name, (_Stub,), {"made": made})
             for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    code = compile((INSTALLER / "amends.spec").read_text(encoding="utf-8"), "amends.spec", "exec")
    exec(code, {"SPECPATH": str(INSTALLER), "__name__": "__main__", **stubs})
    made.append(("collected", tuple(collected), {}))
    return made


def test_the_spec_bundles_resources_migrations_and_keyring_backends(
        monkeypatch: pytest.MonkeyPatch) -> None:
    made = run_spec(monkeypatch, "linux", {})
    analysis = next(kwargs for name, _a, kwargs in made if name == "Analysis")
    collected = next(args for name, args, _k in made if name == "collected")
    for needed in ("resources", "db", "keyring", "keyring.backends", "desktop", "babel",
                   "tzdata"):
        assert needed in collected, needed
    assert "headoffice" in analysis["excludes"]
    exes = [kwargs for name, _a, kwargs in made if name == "EXE"]
    assert [(e["name"], e["console"], e["icon"]) for e in exes] == [("amends", True, None)]


def test_on_windows_the_gui_has_no_console_and_a_cli_twin_does(
        monkeypatch: pytest.MonkeyPatch) -> None:
    made = run_spec(monkeypatch, "win32", {})
    exes = [kwargs for name, _a, kwargs in made if name == "EXE"]
    assert [(e["name"], e["console"]) for e in exes] == [("amends", False), ("amends-cli", True)]
    assert all(e["icon"].endswith("amends.ico") for e in exes)
    collected = next(args for name, args, _k in made if name == "collected")
    assert "win32ctypes" in collected
    # The environment overrides the platform's defaults.
    made = run_spec(monkeypatch, "win32", {"AMENDS_WINDOWED": "0", "AMENDS_NAME": "desk"})
    exes = [kwargs for name, _a, kwargs in made if name == "EXE"]
    assert [(e["name"], e["console"]) for e in exes] == [("desk", True)]


def _setup_lines() -> list[str]:
    text = (INSTALLER / "amends.iss").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.strip().startswith(";")]


def test_the_windows_installer_is_per_machine_with_a_start_menu_entry_and_keeps_the_data(
        ) -> None:
    lines = _setup_lines()
    assert "PrivilegesRequired=admin" in lines
    assert r"DefaultDirName={autopf}\{#AppName}" in lines
    assert any(line.startswith(r'Name: "{autoprograms}\{#AppName}"') and
               r'Filename: "{app}\amends.exe"' in line for line in lines)
    # Uninstall removes only what was installed: no section deletes other files, and nothing
    # points at the user's data dirs.
    assert "[UninstallDelete]" not in lines and "[UninstallRun]" not in lines
    joined = "\n".join(lines).lower()
    for data_dir in ("{localappdata}", "{userappdata}", "{commonappdata}", "{%localappdata"):
        assert data_dir not in joined


def test_the_linux_desktop_entry_names_an_icon_that_exists_in_every_size() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(INSTALLER / "amends.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Type"], section["Exec"], section["Icon"]) == ("Application", "amends",
                                                                   "amends")
    assert section["Terminal"] == "false"
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(INSTALLER / "amends.desktop")],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    ET.parse(ICONS / "amends.svg")  # well-formed
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (ICONS / f"amends-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    assert (ICONS / "amends.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_frozen_entry_point_survives_a_windowed_exe_without_stdout(
        monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(INSTALLER))
    try:
        import amends_main
    finally:
        sys.path.remove(str(INSTALLER))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "argv", ["amends", "--version"])
    with pytest.raises(SystemExit) as stopped:
        amends_main._main()
    assert stopped.value.code == 0
    assert sys.stdout is not None and sys.stdout.name == os.devnull


BUILT = REPO / "dist" / "amends" / "amends"


@pytest.mark.skipif(not BUILT.exists(), reason="no built app (installer/build.sh builds one)")
def test_the_built_app_knows_its_version_and_runs_the_doctor(tmp_path: Path) -> None:
    from desktop import __version__

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AMENDS_HOME": str(tmp_path / "d")}
    version = subprocess.run([str(BUILT), "--version"], capture_output=True, text=True,
                             env=env, timeout=120)
    assert version.stdout.strip() == f"Amends {__version__}"
    doctor = subprocess.run([str(BUILT), "doctor"], capture_output=True, text=True, env=env,
                            timeout=120)
    assert doctor.returncode == 0 and "disk space" in doctor.stdout
    # Enough history for processes of their own: the seed's writer, and the doctor's chain
    # check in two pieces (100,000 events a piece). A frozen app starts itself again for
    # each; without freeze_support the piece would be a second app.
    seeded = subprocess.run([str(BUILT), "seed-demo", "--cases", "16000"], capture_output=True,
                            text=True, env=env, timeout=600)
    assert seeded.returncode == 0 and "Added 16000 cases" in seeded.stdout, seeded.stderr
    doctor = subprocess.run([str(BUILT), "doctor"], capture_output=True, text=True, env=env,
                            timeout=600)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    chain = next(line for line in doctor.stdout.splitlines() if "event chain" in line)
    assert chain.startswith("OK") and "events verify" in chain, doctor.stdout
