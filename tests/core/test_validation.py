"""Field checks: good values pass cleaned, bad ones are refused in plain words."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.validation import clean_email, clean_name, clean_phone, clean_text


def assert_plain(message: str) -> None:
    """A message a CSM can read: a sentence, no code, no regex, no exception names."""
    assert message
    assert message[0].isupper() or message[0] == "“"
    assert message.endswith(".")
    for jargon in ("[^", "\\s", "re.", "None", "Error", "Traceback", "{", "}"):
        assert jargon not in message


# ------------------------------------------------------------------ email


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("name@example.com", "name@example.com"),
        ("  Ada.Lovelace+csm@sub.example.org \n", "Ada.Lovelace+csm@sub.example.org"),
        ("o'brien@clinic.health", "o'brien@clinic.health"),
        ("", ""),
        (None, ""),
        ("a@b.co\x00", "a@b.co"),
    ],
)
def test_clean_email_accepts(raw: str | None, cleaned: str) -> None:
    assert clean_email(raw) == cleaned


@pytest.mark.parametrize(
    "raw",
    [
        "nope",
        "a@b",
        "a b@example.com",
        "a@@example.com",
        "<a@example.com>",
        "a@example.c",
        "@example.com",
        "ada@",
        "ada@example.com, bob@example.com",
    ],
)
def test_clean_email_refuses(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_email(raw)
    err = info.value
    assert isinstance(err, KnownError)
    assert err.field == "email"
    assert f"“{raw.strip()}”" in err.message
    assert "not a valid email address" in err.message
    assert "name@example.com" in err.message
    assert_plain(err.message)


def test_clean_email_reports_the_field_given() -> None:
    with pytest.raises(ValidationError) as info:
        clean_email("broken", field="admin_email", label="Admin email")
    assert info.value.field == "admin_email"


def test_clean_email_refuses_over_long() -> None:
    long = "a" * 250 + "@example.com"
    with pytest.raises(ValidationError) as info:
        clean_email(long)
    assert info.value.field == "email"
    assert info.value.message == "Email is too long (262 characters; at most 254)."


# ------------------------------------------------------------------ phone


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("+1 (555) 010-0199", "+1 (555) 010-0199"),
        ("030 1234567 ext. 12", "030 1234567 ext. 12"),
        ("555.0100 x12", "555.0100 x12"),
        ("  +44 20 7946 0958  ", "+44 20 7946 0958"),
        ("", ""),
        (None, ""),
    ],
)
def test_clean_phone_accepts(raw: str | None, cleaned: str) -> None:
    assert clean_phone(raw) == cleaned


@pytest.mark.parametrize(
    "raw", ["call me", "12", "+1 555 0100 ext", "phone: 5550100", "555-0100#2", "++1 555 0100"]
)
def test_clean_phone_refuses(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        clean_phone(raw, field="backup_phone")
    err = info.value
    assert err.field == "backup_phone"
    assert f"“{raw}”" in err.message
    assert "not a valid phone number" in err.message
    assert_plain(err.message)


def test_clean_phone_refuses_over_long() -> None:
    with pytest.raises(ValidationError) as info:
        clean_phone("1" * 41)
    assert info.value.field == "phone"
    assert "too long (41 characters; at most 40)" in info.value.message


@pytest.mark.parametrize("raw", ["-----", ".....", "(( ))"])
def test_clean_phone_refuses_a_number_without_digits(raw: str) -> None:
    with pytest.raises(ValidationError):
        clean_phone(raw)


# ------------------------------------------------------------------ name


def test_clean_name_accepts_and_strips() -> None:
    assert clean_name("  Ada Lovelace\x07 ") == "Ada Lovelace"
    assert clean_name("Zoë Ñúñez-O'Hara") == "Zoë Ñúñez-O'Hara"


@pytest.mark.parametrize("raw", ["", "   ", None, "\x00\x01", "\n\t"])
def test_clean_name_is_required(raw: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        clean_name(raw)
    assert info.value.field == "name"
    assert info.value.message == "Name cannot be empty."


def test_clean_name_uses_the_label_and_field() -> None:
    with pytest.raises(ValidationError) as info:
        clean_name("", field="account", label="Account name")
    assert info.value.field == "account"
    assert info.value.message == "Account name cannot be empty."


def test_clean_name_must_be_one_line() -> None:
    with pytest.raises(ValidationError) as info:
        clean_name("Ada\nLovelace")
    assert info.value.field == "name"
    assert info.value.message == "Name must be on one line."


def test_clean_name_length_limit() -> None:
    assert clean_name("x" * 120) == "x" * 120
    with pytest.raises(ValidationError) as info:
        clean_name("x" * 121)
    assert info.value.message == "Name is too long (121 characters; at most 120)."
    assert clean_name("y" * 200, max_len=200) == "y" * 200


# ------------------------------------------------------------------ text


def test_clean_text_strips_control_characters_but_keeps_newlines_and_tabs() -> None:
    raw = "\x00 First\x07 line\r\n\tsecond\x1b[31m line\x7f\x85 \x0b"
    assert clean_text(raw, "notes", "Notes", 100) == "First line\n\tsecond[31m line"


def test_clean_text_none_and_optional_empty() -> None:
    assert clean_text(None, "notes", "Notes", 10) == ""
    assert clean_text("   ", "notes", "Notes", 10) == ""


def test_clean_text_required() -> None:
    with pytest.raises(ValidationError) as info:
        clean_text(" \x00 ", "title", "Title", 10, required=True)
    assert info.value.field == "title"
    assert info.value.message == "Title cannot be empty."


def test_clean_text_length_is_counted_after_cleaning() -> None:
    assert clean_text("  " + "x" * 10 + "\x00\x00  ", "f", "Field", 10) == "x" * 10
    with pytest.raises(ValidationError) as info:
        clean_text("x" * 11, "summary", "Summary", 10)
    assert info.value.field == "summary"
    assert info.value.message == "Summary is too long (11 characters; at most 10)."
    assert_plain(info.value.message)


ALLOWED_CONTROLS = {"\n", "\t"}


@settings(database=None, max_examples=300)
@given(st.text(max_size=300))
def test_property_clean_text_never_returns_other_control_characters(raw: str) -> None:
    out = clean_text(raw, "f", "Field", 10_000)
    assert all(ch in ALLOWED_CONTROLS or unicodedata.category(ch) != "Cc" for ch in out)
    assert out == out.strip()
    # nothing is added: the output is the input minus characters
    it = iter(raw)
    assert all(ch in it for ch in out)


printable = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs")),
    max_size=80,
)


@settings(database=None, max_examples=300)
@given(printable)
def test_property_short_printable_text_is_only_stripped(raw: str) -> None:
    assert clean_text(raw, "f", "Field", 80) == raw.strip()


@settings(database=None, max_examples=200)
@given(st.text(alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1))
def test_property_clean_name_of_visible_text_is_one_stripped_line(raw: str) -> None:
    if not raw.strip() or len(raw.strip()) > 120:
        with pytest.raises(ValidationError):
            clean_name(raw)
    else:
        out = clean_name(raw)
        assert out == raw.strip()
        assert "\n" not in out


def test_clean_text_drops_exactly_the_control_characters() -> None:
    """Every character of Unicode's category Cc but newline and tab, and nothing else."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    expected = "".join(ch for ch in every if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    assert clean_text("x" + every + "x", "f", "F", 2_000_000) == "x" + expected + "x"
    for surrogate in ("\ud800", "a\udfffb"):
        with pytest.raises(ValidationError, match="not valid text"):
            clean_text(surrogate, "f", "F", 10)
