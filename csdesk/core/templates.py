"""Message templates from resources/templates, with {placeholders} filled safely."""

from __future__ import annotations

import string
from collections.abc import Mapping

from csdesk.core.errors import ValidationError
from csdesk.paths import resource


def load_template(name: str) -> str:
    return resource("templates", name).read_text(encoding="utf-8")


def placeholders(text: str) -> set[str]:
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}
    except ValueError as exc:
        raise ValidationError(f"The template has a broken placeholder: {exc}.", "template") from exc


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill {name} placeholders; an unknown one is refused, naming it, rather than left raw."""
    unknown = placeholders(text) - set(values)
    if unknown:
        raise ValidationError(
            "The template uses placeholders csdesk does not know: "
            + ", ".join("{" + u + "}" for u in sorted(unknown))
            + ". Known: "
            + ", ".join("{" + k + "}" for k in sorted(values))
            + ".",
            "template",
        )
    return text.format_map(dict(values))


def split_subject(text: str, default: str) -> tuple[str, str]:
    """A template may start with "Subject: ..."; returns (subject, body)."""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), rest.lstrip("\n")
    return default, text
