"""Keyring backends for the tests (never used by the app).

* :class:`MemoryKeyring` — the default in every test (``tests/conftest.py``).
* :class:`FileKeyring` — for the CLI run in a subprocess: selected there with
  ``PYTHON_KEYRING_BACKEND=tests.keyrings.FileKeyring`` and the file named by
  ``CSDESK_TEST_KEYRING``; it plays the OS keyring, so secret scans skip it.
* :class:`WindowsLikeKeyring` — refuses secrets over 2,560 bytes of UTF-16 the
  way Windows' credential store does.
* :class:`LockedKeyring`, :class:`PlaintextKeyring` — a locked store and a
  low-priority plaintext store, both of which the app must refuse cleanly.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    @property
    def path(self) -> Path:
        return Path(os.environ["CSDESK_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.path.read_text()))
        except FileNotFoundError:
            return {}

    def _key(self, service: str, username: str) -> str:
        return f"{service}\x00{username}"

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(self._key(service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[self._key(service, username)] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(self._key(service, username), None) is None:
            raise PasswordDeleteError("not found")
        self.path.write_text(json.dumps(data))


class WindowsLikeKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        if len(password.encode("utf-16-le")) > 2560:
            raise PasswordSetError("(1783, 'CredWrite', 'The stub received bad data.')")
        super().set_password(service, username, password)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class PlaintextKeyring(MemoryKeyring):
    priority = 0.5  # type: ignore[assignment]
