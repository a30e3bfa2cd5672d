"""The one place csdesk reads and writes secrets: the OS keyring, through ``keyring``.

Secrets (the Google refresh token and the OAuth client it belongs to) live in
the operating system's password manager and nowhere else: not in the
database, not in a file, not in a log line or an exception text. Every error
raised here names what went wrong and what to do, never the secret.

* A backend that is not a real secret store — ``keyring``'s ``fail`` backend
  (no password manager at all), or anything with a priority below 1 such as
  ``keyrings.alt``'s plaintext file — is refused with a clear message; there
  is no silent plaintext fallback.
* A locked password manager raises :class:`KeyringLockedError` ("unlock it").
* Windows' credential store keeps at most 2,560 bytes per secret (UTF-16, so
  about 1,280 characters) and fails with an obscure ``CredWrite`` error above
  that: :data:`MAX_SECRET_CHARS` is checked before writing, for every OS, so a
  secret that works on Linux also works on Windows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from csdesk.core.errors import KnownError

if TYPE_CHECKING:  # keyring is imported on first use, not when the window starts
    from keyring.backend import KeyringBackend

SERVICE = "csdesk"
#: Windows' CRED_MAX_CREDENTIAL_BLOB_SIZE is 5 * 512 bytes, stored as UTF-16.
MAX_SECRET_BYTES = 2560
MAX_SECRET_CHARS = MAX_SECRET_BYTES // 2
MIN_PRIORITY = 1.0

_INSTALL_HINT = (
    "csdesk keeps your Google sign-in only in your system's password manager. "
    "On Linux, install and start one that offers the Secret Service (GNOME Keyring or "
    "KWallet) and log in again; on Windows and macOS the built-in one is used."
)


class KeyringError(KnownError):
    """The password manager cannot be used; the message says what to do."""

    title = "The password manager is not available"


class KeyringUnavailableError(KeyringError):
    pass


class KeyringLockedError(KeyringError):
    title = "The password manager is locked"


class SecretTooLargeError(KeyringError):
    title = "The sign-in is too large to store"


def _keyring() -> Any:
    import keyring
    import keyring.errors

    return keyring


def _members(backend: KeyringBackend) -> list[KeyringBackend]:
    chained = getattr(backend, "backends", None)
    if chained is not None and not isinstance(chained, str | bytes):
        return list(chained)
    return [backend]


def _name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def backend_problem(backend: KeyringBackend | None = None) -> str | None:
    """Why the current keyring backend is not acceptable, or None when it is."""
    backend = backend if backend is not None else _keyring().get_keyring()
    members = _members(backend)
    if not members:
        return f"No password manager was found. {_INSTALL_HINT}"
    for member in members:
        module = type(member).__module__
        if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
            return f"No password manager was found. {_INSTALL_HINT}"
        try:
            priority = float(member.priority)
        except Exception:  # a backend whose priority check fails is not usable
            priority = 0.0
        if priority < MIN_PRIORITY:
            return (
                f"The configured keyring backend ({_name(member)}) is not a secure password "
                f"store, so csdesk will not put your sign-in in it. {_INSTALL_HINT}"
            )
    return None


def backend_name() -> str:
    return _name(_keyring().get_keyring())


def _checked_backend() -> KeyringBackend:
    backend: KeyringBackend = _keyring().get_keyring()
    problem = backend_problem(backend)
    if problem:
        raise KeyringUnavailableError(problem)
    return backend


def _translate(exc: Exception, doing: str) -> KeyringError:
    errors = _keyring().errors
    if isinstance(exc, errors.KeyringLocked):
        return KeyringLockedError(
            f"Your password manager is locked, so csdesk could not {doing}. "
            "Unlock it (for example by logging in to your desktop session again) and retry."
        )
    if isinstance(exc, errors.NoKeyringError):
        return KeyringUnavailableError(f"No password manager was found. {_INSTALL_HINT}")
    # The backend's own text may be technical but never contains the secret we pass.
    kind = type(exc).__name__
    return KeyringUnavailableError(
        f"The password manager refused to {doing} ({kind}). "
        "Check that it is running and unlocked, then retry."
    )


def set_secret(name: str, value: str) -> None:
    """Store ``value`` under ``name``; refuses values Windows could not keep."""
    if len(value.encode("utf-16-le")) > MAX_SECRET_BYTES:
        raise SecretTooLargeError(
            f"The sign-in data is {len(value)} characters long; password managers on some "
            f"systems keep at most {MAX_SECRET_CHARS}. Please report this as a bug."
        )
    backend = _checked_backend()
    try:
        backend.set_password(SERVICE, name, value)
    except Exception as exc:
        raise _translate(exc, "save your sign-in") from None


def get_secret(name: str) -> str | None:
    backend = _checked_backend()
    try:
        return backend.get_password(SERVICE, name)
    except Exception as exc:
        raise _translate(exc, "read your sign-in") from None


def delete_secret(name: str) -> bool:
    """Delete ``name``; False when there was nothing to delete."""
    backend = _checked_backend()
    try:
        if backend.get_password(SERVICE, name) is None:
            return False
        backend.delete_password(SERVICE, name)
    except _keyring().errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise _translate(exc, "delete your sign-in") from None
    return True
