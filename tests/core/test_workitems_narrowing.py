"""Search as you type: filtering among the rows kept for the words typed so far."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csdesk.core.db import Database
from csdesk.core.directory import ColleagueInput, save_colleague
from csdesk.core.enums import Role
from csdesk.core.portfolio import AccountInput, save_account
from csdesk.core.workitems import (
    ItemInput,
    ItemRow,
    filter_indexes,
    filter_rows,
    list_items,
    narrows,
    save_item,
    search_text,
)

TITLES = (
    ("Quarterly REPORT", "SS-1"),
    ("Reporting dashboard", "REP-20"),
    ("report: repository clean-up", ""),
    ("Éclair setup", ""),
    ("éclair follow-up", "PTO-2"),
    ("Use 50% of seats", ""),
    ("usage review", "SS-10"),
    ("Repo_rt with an underscore", "RE_P"),
)


@pytest.fixture
def rows(db: Database) -> list[ItemRow]:
    me = save_colleague(db, ColleagueInput(name="Casey CSM", roles={Role.ME}))
    acme = save_account(db, AccountInput("Ärzte Acme Reports"))
    other = save_account(db, AccountInput("Lakeshore"))
    for n, (title, key) in enumerate(TITLES):
        save_item(
            db,
            ItemInput(
                title, external_key=key, account_id=acme if n % 2 else other, assignee_ids=[me]
            ),
        )
    return list_items(db)


def typed(text: str) -> list[str]:
    return [text[:n] for n in range(len(text) + 1)]


@pytest.mark.parametrize(
    "text",
    ["report", "Report dash", "rep ss-1", "ärzte rep", "us_ge", "50% of", "re_p", "re%rt", "%_"],
)
def test_typing_narrows_to_the_sql_result_at_each_keystroke(
    db: Database, rows: list[ItemRow], text: str
) -> None:
    texts = [search_text(r) for r in rows]
    shown: list[int] | None = None
    previous = None
    for search in typed(text):
        among = shown if previous is not None and narrows(previous, search) else None
        shown = filter_indexes(rows, texts, search, among)
        previous = search
        expected = [r.id for r in list_items(db, search=search)]
        assert [rows[i].id for i in shown] == expected, search
        assert [r.id for r in filter_rows(rows, texts, search)] == expected, search


def test_narrows_only_when_the_new_words_extend_the_old() -> None:
    assert narrows("", "r")
    assert narrows("repor", "report")
    assert narrows("report", "report ")
    assert narrows("report ", "report ss")
    assert not narrows("report", "repor")  # a deletion widens
    assert not narrows("report", "xreport")
    assert not narrows("rep ss", "rep s")


@settings(max_examples=200, deadline=None)
@given(
    old=st.text(alphabet="rEpo _%é", max_size=6),
    more=st.text(alphabet="rEpo _%é", max_size=4),
)
def test_extending_the_words_never_keeps_a_row_the_old_words_dropped(old: str, more: str) -> None:
    rows = [
        ItemRow(
            id=n, item_type=None, title=title, account="Ärzte" if n % 2 else "Repo",  # type: ignore[arg-type]
            status=None, priority=None, category=None, due_at=None, last_touch=None,  # type: ignore[arg-type]
            external_key=key, assignees="",
        )
        for n, (title, key) in enumerate(TITLES)
    ]  # fmt: skip
    texts = [search_text(r) for r in rows]
    new = old + more
    assert narrows(old, new)
    before = filter_indexes(rows, texts, old)
    assert set(filter_indexes(rows, texts, new)) <= set(before)
    assert filter_indexes(rows, texts, new, before) == filter_indexes(rows, texts, new)
