"""Loads every import format so that the registry knows them all."""

from __future__ import annotations

import importlib

FORMAT_MODULES = ("salesforce", "directory_csv", "jira", "teamwork")


def load_all() -> None:
    for name in FORMAT_MODULES:
        importlib.import_module(f"csdesk.core.imports.{name}")
