"""The desk's secrets: the OS keychain through keyring, or the flagged 0600 file fallback."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail, null

from desktop.core.clock import ManualClock
from desktop.core.doctor import Status, run_checks
from desktop.core.errors import DeskError
from desktop.core.secrets import (
    SERVICE,
    SecretStore,
    SecretStoreError,
    voucher_key_name,
)
from desktop.core.views import CaseHeader, GestureProposal
from tests.conftest import Team, make_desk
from tests.memory_keyring import MemoryKeyring

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
SECRET = "9f" * 32


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class ForgetfulKeyring(MemoryKeyring):
    """Says yes to every write and keeps nothing: what a secret must never be lost to."""

    def set_password(self, service: str, username: str, password: str) -> None:
        pass


class LockedKeyring(MemoryKeyring):
    """A keychain that refuses writes (locked, or the user pressed Deny)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the keychain is locked")


def test_the_keychain_is_used_when_there_is_one(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    store = SecretStore(tmp_path, backend)
    assert not store.is_fallback and store.warning() is None
    store.set("voucher-key:desk-1", SECRET)
    assert backend.secrets[(SERVICE, "voucher-key:desk-1")] == SECRET
    assert store.get("voucher-key:desk-1") == SECRET
    assert not (tmp_path / "secrets").exists()
    store.delete("voucher-key:desk-1")
    assert store.get("voucher-key:desk-1") is None


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_no_keychain_is_flagged_with_a_one_line_warning(tmp_path: Path, backend) -> None:
    store = SecretStore(tmp_path, backend)
    assert store.is_fallback
    warning = store.warning()
    assert warning is not None and "\n" not in warning
    assert "No OS keychain" in warning and str(tmp_path / "secrets") in warning


@POSIX_ONLY
def test_fallback_file_is_created_0600_in_a_0700_folder(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    store = SecretStore(tmp_path)
    store.set(voucher_key_name("desk-1"), SECRET)
    path = tmp_path / "secrets" / "voucher-key%3Adesk-1"
    assert path.read_text() == SECRET
    assert mode_of(path) == 0o600
    assert mode_of(path.parent) == 0o700
    store.set(voucher_key_name("desk-1"), "ab" * 32)  # overwriting keeps the mode
    assert mode_of(path) == 0o600 and store.get(voucher_key_name("desk-1")) == "ab" * 32
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left over
    store.delete(voucher_key_name("desk-1"))
    assert not path.exists() and store.get(voucher_key_name("desk-1")) is None


@POSIX_ONLY
def test_a_fallback_file_others_can_read_is_refused(tmp_path: Path) -> None:
    store = SecretStore(tmp_path, fail.Keyring())
    store.set("device-token", SECRET)
    path = tmp_path / "secrets" / "device-token"
    path.chmod(0o644)
    with pytest.raises(SecretStoreError) as raised:
        store.get("device-token")
    assert "chmod 600" in str(raised.value) and SECRET not in str(raised.value)


def test_a_keychain_that_forgets_is_an_error_not_a_loss(tmp_path: Path) -> None:
    with pytest.raises(SecretStoreError) as raised:
        SecretStore(tmp_path, ForgetfulKeyring()).set("device-token", SECRET)
    assert "did not keep" in str(raised.value)


def test_a_keychain_that_refuses_raises_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SecretStoreError) as raised:
        SecretStore(tmp_path, LockedKeyring()).set("device-token", SECRET)
    message = str(raised.value)
    assert "refused to store device-token" in message and "locked" in message
    assert SECRET not in message
    assert not (tmp_path / "secrets").exists()  # not quietly written somewhere weaker


def test_a_fallback_secret_moves_into_a_keychain_that_appears(tmp_path: Path) -> None:
    SecretStore(tmp_path, fail.Keyring()).set("device-token", SECRET)
    backend = MemoryKeyring()
    assert SecretStore(tmp_path, backend).get("device-token") == SECRET
    assert backend.secrets[(SERVICE, "device-token")] == SECRET
    assert not (tmp_path / "secrets" / "device-token").exists()


@pytest.mark.parametrize("name", ["", "../escape", "a/b", "x" * 200, "sp ace"])
def test_unusable_names_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError):
        SecretStore(tmp_path, MemoryKeyring()).set(name, SECRET)


# --- through the desk ------------------------------------------------------------------------


def issue_voucher(data_dir: Path, clock: ManualClock) -> tuple:
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim", "Room 1", "Front Desk",
                                             "maintenance", "high"))
    return desk, who, case_id, desk.grants.grant(who, case_id,
                                          GestureProposal("voucher", "Dinner", 4500))


def assert_not_in_store(data_dir: Path, secret_hex: str) -> None:
    raw = bytes.fromhex(secret_hex)
    files = list(data_dir.glob("amends.sqlite3*"))
    assert files
    for path in files:
        data = path.read_bytes()
        assert raw not in data and secret_hex.encode() not in data
        assert secret_hex.upper().encode() not in data


@POSIX_ONLY
def test_without_a_keychain_the_desk_key_is_a_0600_file_and_not_in_the_database(
        data_dir: Path, clock: ManualClock) -> None:
    keyring.set_keyring(fail.Keyring())
    desk, _, _, result = issue_voucher(data_dir, clock)
    assert result.voucher_code
    assert desk.secret_store.is_fallback
    path = data_dir / "secrets" / f"voucher-key%3A{desk.device_id}"
    assert mode_of(path) == 0o600
    secret = path.read_text()
    desk.close()
    assert_not_in_store(data_dir, secret)
    doctor = {c.name: c for c in run_checks(data_dir)}["keychain"]
    assert doctor.status is Status.WARN and str(data_dir / "secrets") in doctor.detail


def test_with_a_keychain_the_desk_key_is_there_and_not_in_the_database(
        data_dir: Path, clock: ManualClock) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    desk, _, _, _ = issue_voucher(data_dir, clock)
    secret = backend.secrets[(SERVICE, voucher_key_name(desk.device_id))]
    assert len(bytes.fromhex(secret)) == 32
    assert not (data_dir / "secrets").exists()
    desk.close()
    assert_not_in_store(data_dir, secret)


def test_a_keychain_failure_refuses_the_voucher_grant_whole(data_dir: Path,
                                                           clock: ManualClock) -> None:
    keyring.set_keyring(LockedKeyring())
    desk = make_desk(data_dir, clock)
    team = Team(desk)
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Grace Kim"))
    with pytest.raises(DeskError) as raised:
        desk.grants.grant(who, case_id, GestureProposal("voucher", "Dinner", 4500))
    assert raised.value.code == "secret_store" and "locked" in raised.value.detail
    assert desk.cases.get(case_id).grants == ()  # no grant without its voucher
    # Other gestures need no key and still work.
    assert desk.grants.grant(who, case_id, GestureProposal("amenity", "Fruit", 1500)).granted
    desk.close()
