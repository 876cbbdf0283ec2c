"""The desk's secrets: its voucher signing key now, the head-office device token later.

Secrets live in the OS keychain through ``keyring`` (service ``"Amends"``). Where keyring has no
real backend (its ``fail`` backend, which refuses, or a ``null`` backend, which accepts a
secret and silently drops it) they go to an explicit, *flagged* fallback instead: one file per
secret in ``<data dir>/secrets/``, created with mode 0600 in a 0700 folder. ``is_fallback`` and
``warning()`` let the UI and ``amends doctor`` say so plainly.

A secret is never dropped silently: a keychain write that fails raises ``SecretStoreError``,
and every keychain write is read back before it counts. Nothing here logs or prints a value.
On Windows the mode bits mean little; there the file relies on the user profile's ACL.
"""

from __future__ import annotations

import os
import re
import stat
import uuid
from pathlib import Path
from urllib.parse import quote

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail

__all__ = [
    "FALLBACK_DIR",
    "SERVICE",
    "SecretStore",
    "SecretStoreError",
    "backend_is_fallback",
    "identity_key_name",
    "voucher_key_name",
]

SERVICE = "Amends"
FALLBACK_DIR = "secrets"
# Names become keychain usernames and file names: keep them plain.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
# A secret is a key or a token; anything larger is a bug, not a secret.
_MAX_VALUE = 4096


class SecretStoreError(Exception):
    """A secret could not be stored or read; the message says where and what to do."""


def token_name(device_id: str) -> str:
    """The keychain name of a desk's head-office token."""
    return f"hq-token:{device_id}"


def identity_key_name(device_id: str) -> str:
    """The keychain name of a desk's Ed25519 identity key (re-enrolment proof)."""
    return f"identity-key:{device_id}"


def voucher_key_name(device_id: str) -> str:
    """The name of a desk's Ed25519 voucher signing key."""
    return f"voucher-key:{device_id}"


def backend_is_fallback(backend: KeyringBackend) -> bool:
    """True for keyring backends that cannot keep a secret (fail and null)."""
    return isinstance(backend, fail.Keyring) or "null" in type(backend).__module__


def _backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise ValueError(f"not a usable secret name: {name!r}")
    return name


def _file_name(name: str) -> str:
    # ":" is not allowed in Windows file names; percent-encoding keeps names distinct.
    return quote(name, safe="-._")


class SecretStore:
    """The secrets of the desk in ``data_dir``: the OS keychain, or the flagged file fallback."""

    def __init__(self, data_dir: Path, backend: KeyringBackend | None = None) -> None:
        self.data_dir = data_dir
        self._backend = backend if backend is not None else keyring.get_keyring()
        self.is_fallback = backend_is_fallback(self._backend)

    @property
    def backend_name(self) -> str:
        return _backend_name(self._backend)

    @property
    def fallback_dir(self) -> Path:
        return self.data_dir / FALLBACK_DIR

    def warning(self) -> str | None:
        """One line for the UI and the doctor when secrets are in files; None otherwise."""
        if not self.is_fallback:
            return None
        return (f"No OS keychain ({self.backend_name}): the desk's secrets are kept in files "
                f"under {self.fallback_dir}, protected only by file permissions.")

    # --- reading and writing ------------------------------------------------------------------

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None if there is none."""
        _check_name(name)
        path = self.fallback_dir / _file_name(name)
        if self.is_fallback:
            return self._read_file(path)
        try:
            value = self._backend.get_password(SERVICE, name)
        except Exception as error:  # backends raise their own types (D-Bus, Win32, ...)
            raise SecretStoreError(f"The OS keychain ({self.backend_name}) could not be read: "
                                   f"{type(error).__name__}: {error}") from error
        if value is None and path.exists():
            # Written while there was no keychain; move it in now that there is one.
            value = self._read_file(path)
            if value is not None:
                self._set_keychain(name, value)
                path.unlink()
        return value

    def set(self, name: str, value: str) -> None:
        """Store ``value`` as ``name``; raises SecretStoreError rather than lose it."""
        _check_name(name)
        if not isinstance(value, str) or not value or len(value) > _MAX_VALUE:
            raise ValueError("a secret is a non-empty string of at most 4096 characters")
        if self.is_fallback:
            self._write_file(self.fallback_dir / _file_name(name), value)
        else:
            self._set_keychain(name, value)

    def delete(self, name: str) -> None:
        """Forget the secret called ``name`` (nothing happens if there is none)."""
        _check_name(name)
        path = self.fallback_dir / _file_name(name)
        if not self.is_fallback:
            try:
                if self._backend.get_password(SERVICE, name) is not None:
                    self._backend.delete_password(SERVICE, name)
            except Exception as error:  # as in get(): any backend's own error type
                raise SecretStoreError(f"The OS keychain ({self.backend_name}) could not "
                                       f"delete {name}: {error}") from error
        path.unlink(missing_ok=True)

    # --- the keychain ---------------------------------------------------------------------------

    def _set_keychain(self, name: str, value: str) -> None:
        try:
            self._backend.set_password(SERVICE, name, value)
            kept = self._backend.get_password(SERVICE, name)
        except Exception as error:  # as in get(): any backend's own error type
            raise SecretStoreError(
                f"The OS keychain ({self.backend_name}) refused to store {name}: "
                f"{type(error).__name__}: {error}. Unlock the keychain, or run 'amends doctor'."
            ) from error
        if kept != value:
            # A backend that accepts and forgets is worse than one that refuses.
            raise SecretStoreError(f"The OS keychain ({self.backend_name}) did not keep {name}. "
                                   "Run 'amends doctor'.")

    # --- the flagged file fallback ----------------------------------------------------------------

    def _write_file(self, path: Path, value: str) -> None:
        directory = path.parent
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                os.chmod(directory, 0o700)
            # A fresh file with O_EXCL and 0600 from its first byte, then an atomic rename, so
            # the secret is never readable by others, not even for a moment, nor half written.
            temp = directory / f".{path.name}.{uuid.uuid4().hex}.tmp"
            flags = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_BINARY", 0))
            descriptor = os.open(temp, flags, 0o600)
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(value.encode("utf-8"))
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(temp, path)
            except BaseException:
                temp.unlink(missing_ok=True)
                raise
            _fsync_dir(directory)
        except OSError as error:
            raise SecretStoreError(f"The secret file {path} could not be written "
                                   f"({error.strerror or error}).") from error

    def _read_file(self, path: Path) -> str | None:
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            descriptor = os.open(path, flags)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise SecretStoreError(f"The secret file {path} cannot be read "
                                   f"({error.strerror or error}).") from error
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise SecretStoreError(f"The secret file {path} is not a regular file.")
            if os.name == "posix" and info.st_mode & 0o077:
                # Like ssh: a key others can read may already be copied; do not use it quietly.
                raise SecretStoreError(f"The secret file {path} is readable by other users. "
                                       f"Run 'chmod 600 {path}' and check who copied it.")
            data = handle.read(_MAX_VALUE + 1)
        try:
            return data.decode("utf-8") or None
        except UnicodeDecodeError as error:
            raise SecretStoreError(f"The secret file {path} is damaged.") from error


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable (POSIX only; Windows cannot open a folder for fsync)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
