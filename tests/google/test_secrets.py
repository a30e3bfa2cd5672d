"""The secrets wrapper over keyring: real stores only, clear messages, Windows' size limit."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backends import fail

from csdesk.core.google import auth
from csdesk.core.google.secrets import (
    MAX_SECRET_CHARS,
    KeyringLockedError,
    KeyringUnavailableError,
    SecretTooLargeError,
    backend_problem,
    delete_secret,
    get_secret,
    set_secret,
)
from tests.keyrings import (
    LockedKeyring,
    MemoryKeyring,
    PlaintextKeyring,
    WindowsLikeKeyring,
)

TOKEN = "1//0gTESTREFRESHTOKEN-secrets-abcdefghijklmnopqrstuvwxyz0123456789"


def test_roundtrip_in_memory(_isolated_keyring: MemoryKeyring) -> None:
    set_secret("x", TOKEN)
    assert get_secret("x") == TOKEN
    assert _isolated_keyring.store[("csdesk", "x")] == TOKEN
    assert delete_secret("x") is True
    assert get_secret("x") is None
    assert delete_secret("x") is False


def test_no_keyring_is_a_clear_message_not_a_crash() -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError) as info:
        set_secret("x", TOKEN)
    assert "password manager" in info.value.message
    assert "GNOME Keyring" in info.value.message
    with pytest.raises(KeyringUnavailableError):
        get_secret("x")


def test_plaintext_backend_is_refused() -> None:
    backend = PlaintextKeyring()
    keyring.set_keyring(backend)
    assert backend_problem() is not None
    with pytest.raises(KeyringUnavailableError) as info:
        set_secret("x", TOKEN)
    assert "not a secure password store" in info.value.message
    assert backend.store == {}  # nothing written in plaintext


def test_chained_backend_with_a_plaintext_member_is_refused() -> None:
    class Chain(MemoryKeyring):
        backends = (MemoryKeyring(), PlaintextKeyring())

    assert backend_problem(Chain()) is not None
    assert backend_problem(MemoryKeyring()) is None


def test_locked_keyring_says_unlock() -> None:
    keyring.set_keyring(LockedKeyring())
    with pytest.raises(KeyringLockedError) as info:
        set_secret("x", TOKEN)
    assert "locked" in info.value.message.lower() and "Unlock" in info.value.message
    assert TOKEN not in info.value.message
    with pytest.raises(KeyringLockedError):
        get_secret("x")


def test_size_is_checked_before_windows_would_fail() -> None:
    backend = WindowsLikeKeyring()
    keyring.set_keyring(backend)
    set_secret("ok", "a" * MAX_SECRET_CHARS)
    with pytest.raises(SecretTooLargeError) as info:
        set_secret("big", "a" * (MAX_SECRET_CHARS + 1))
    assert "CredWrite" not in info.value.message
    assert ("csdesk", "big") not in backend.store


def test_stored_sign_in_is_small_and_has_no_access_token() -> None:
    backend = WindowsLikeKeyring()
    keyring.set_keyring(backend)
    stored = auth._Stored(
        client_id="123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com",
        client_secret="GOCSPX-abcdefghijklmnopqrstuvwxyz12",
        refresh_token="1//0g" + "x" * 100,
        scopes=tuple(auth.scopes_for(auth.FEATURE_KEYS)),
        email="someone.with.a.long.name@example-company.com",
    )
    auth._store(stored)
    text = backend.store[("csdesk", auth.SECRET_NAME)]
    assert len(text) < MAX_SECRET_CHARS // 2  # far below the limit
    data = json.loads(text)
    assert "token" not in data and "expiry" not in data
    assert auth.status() == auth.Connection(stored.email, stored.scopes, stored.client_id)
    assert "1//0g" not in repr(stored) and "GOCSPX" not in repr(stored)


def test_damaged_stored_sign_in_asks_to_reconnect(_isolated_keyring: MemoryKeyring) -> None:
    _isolated_keyring.store[("csdesk", auth.SECRET_NAME)] = "{not json"
    with pytest.raises(auth.GoogleError) as info:
        auth.status()
    assert info.value.kind == "reconnect"
