"""Field checks shared by every form and import, with messages in plain words."""

from __future__ import annotations

import re

from csdesk.core.errors import ValidationError

# Deliberately simple: one @, a dot in the domain, no spaces. Real validation is the mailbox.
_EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\".]{2,}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{5,30}(\s*(x|ext\.?)\s*[0-9]{1,6})?$", re.IGNORECASE)
# Unicode's control characters (category Cc: C0, DEL and C1) but line feed and tab, and lone
# surrogates: one regular expression each, far cheaper than a test per character.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(
    value: str | None, field: str, label: str, max_len: int, required: bool = False
) -> str:
    """Strip, drop control characters (keeping newlines and tabs) and check length.

    A lone surrogate (text that was never valid Unicode, e.g. a file name read with
    the wrong encoding) is refused: it cannot be stored or shown.
    """
    value = value or ""
    if _SURROGATE.search(value):
        raise ValidationError(
            f"{label} contains characters that are not valid text; type or paste it again.",
            field,
        )
    text = _CONTROL.sub("", value).strip()
    if required and not text:
        raise ValidationError(f"{label} cannot be empty.", field)
    if len(text) > max_len:
        raise ValidationError(
            f"{label} is too long ({len(text)} characters; at most {max_len}).", field
        )
    return text


def clean_name(
    value: str | None, field: str = "name", label: str = "Name", max_len: int = 120
) -> str:
    text = clean_text(value, field, label, max_len, required=True)
    if "\n" in text:
        raise ValidationError(f"{label} must be on one line.", field)
    return text


def clean_email(value: str | None, field: str = "email", label: str = "Email") -> str:
    text = clean_text(value, field, label, 254)
    if text and (not _EMAIL.match(text) or ".." in text):
        raise ValidationError(
            f"“{text}” is not a valid email address (expected something like name@example.com).",
            field,
        )
    return text


def clean_phone(value: str | None, field: str = "phone", label: str = "Phone") -> str:
    text = clean_text(value, field, label, 40)
    if text and (not _PHONE.match(text) or sum(ch.isdigit() for ch in text) < 5):
        raise ValidationError(
            f"“{text}” is not a valid phone number (digits, spaces, + ( ) - only).", field
        )
    return text
