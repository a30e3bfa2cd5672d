"""The internal directory: colleagues, roles, departments and their contacts (R1, R2)."""

from __future__ import annotations

import pytest

from csdesk.core.db import Database
from csdesk.core.directory import (
    ColleagueInput,
    ContactInput,
    DepartmentInput,
    colleague_ids_with_role,
    delete_colleague,
    delete_department,
    get_colleague,
    get_department,
    list_colleagues,
    list_departments,
    open_items_of,
    save_colleague,
    save_department,
)
from csdesk.core.enums import ItemType, Role, Status
from csdesk.core.errors import HasOpenWorkError, KnownError, NotFoundError, ValidationError
from csdesk.core.portfolio import AccountInput, list_accounts, save_account
from csdesk.core.workitems import ItemInput, get_item, save_item


def person(db: Database, name: str, *roles: Role, **kw: object) -> int:
    return save_colleague(db, ColleagueInput(name=name, roles=set(roles), **kw))  # type: ignore[arg-type]


def task(db: Database, title: str, *assignees: int, **kw: object) -> int:
    return save_item(db, ItemInput(title=title, assignee_ids=list(assignees), **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------ colleagues


def test_save_and_get_colleague(db: Database) -> None:
    dept = save_department(
        db, DepartmentInput("Support", contacts=[ContactInput(person(db, "Sam Support"))])
    )
    cid = save_colleague(
        db,
        ColleagueInput(
            name="  Ada Lovelace ",
            email="ada@example.com",
            phone="+1 555 0100",
            title="CSS",
            department_id=dept,
            roles={Role.CSS, Role.IT},
            notes="Prefers chat",
        ),
    )
    c = get_colleague(db, cid)
    assert (c.name, c.email, c.phone, c.title, c.notes) == (
        "Ada Lovelace",
        "ada@example.com",
        "+1 555 0100",
        "CSS",
        "Prefers chat",
    )
    assert c.department_id == dept
    assert c.role_set == {Role.CSS, Role.IT}
    assert c.active is True


def test_update_colleague_changes_fields_and_roles(db: Database) -> None:
    cid = person(db, "Ada", Role.CSS, Role.IT)
    same = save_colleague(
        db, ColleagueInput(name="Ada L.", roles={Role.IT, Role.SUPPORT}, email="a@x.org", id=cid)
    )
    assert same == cid
    c = get_colleague(db, cid)
    assert c.name == "Ada L."
    assert c.email == "a@x.org"
    assert c.role_set == {Role.IT, Role.SUPPORT}
    assert len(list_colleagues(db)) == 1


def test_list_colleagues_sorted_searchable_and_filtered_by_role(db: Database) -> None:
    person(db, "Zed Zimmer", Role.ACCOUNT_MANAGER, email="zed@corp.example")
    person(db, "Ada Lovelace", Role.ESCALATION_FALLBACK, Role.CSS)
    person(db, "Bob Builder", email="bob@corp.example")

    rows = list_colleagues(db)
    assert [r.name for r in rows] == ["Ada Lovelace", "Bob Builder", "Zed Zimmer"]
    ada = rows[0]
    # roles come in the order of the Role enum, with their labels
    assert ada.roles == (Role.CSS, Role.ESCALATION_FALLBACK)
    assert ada.roles_text == "My CSS / CSM partner, Escalation fallback manager"

    assert [r.name for r in list_colleagues(db, search="corp.EXAMPLE")] == [
        "Bob Builder",
        "Zed Zimmer",
    ]
    assert [r.name for r in list_colleagues(db, search=" love ")] == ["Ada Lovelace"]
    assert [r.name for r in list_colleagues(db, role=Role.ACCOUNT_MANAGER)] == ["Zed Zimmer"]
    assert list_colleagues(db, role=Role.TEAM_LEAD) == []


def test_list_colleagues_counts_open_items_only(db: Database) -> None:
    ada = person(db, "Ada")
    task(db, "open one", ada)
    task(db, "waiting one", ada, status=Status.WAITING_FOR_CUSTOMER)
    task(db, "done one", ada, status=Status.DONE)
    [row] = list_colleagues(db)
    assert row.open_items == 2


def test_get_missing_colleague(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_colleague(db, 4242)


def test_colleague_ids_with_role(db: Database) -> None:
    a = person(db, "A", Role.SUPPORT)
    person(db, "B", Role.IT)
    c = person(db, "C", Role.SUPPORT, Role.IT)
    assert colleague_ids_with_role(db, Role.SUPPORT) == sorted([a, c])
    assert colleague_ids_with_role(db, Role.TEAM_LEAD) == []


@pytest.mark.parametrize("role", [Role.ME, Role.ESCALATION_FALLBACK])
def test_single_holder_roles_refuse_a_second_holder(db: Database, role: Role) -> None:
    first = person(db, "Grace Hopper", role)
    with pytest.raises(ValidationError) as info:
        person(db, "Alan Turing", role)
    err = info.value
    assert err.field == "roles"
    assert "Grace Hopper" in err.message
    assert role.label in err.message
    assert [r.name for r in list_colleagues(db)] == ["Grace Hopper"]

    # an existing colleague cannot take it either
    other = person(db, "Alan Turing")
    with pytest.raises(ValidationError):
        save_colleague(db, ColleagueInput(name="Alan Turing", roles={role}, id=other))
    assert get_colleague(db, other).role_set == set()

    # the holder may save itself again
    save_colleague(db, ColleagueInput(name="Grace B. Hopper", roles={role}, id=first))
    assert colleague_ids_with_role(db, role) == [first]

    # once the holder gives the role up, someone else may take it
    save_colleague(db, ColleagueInput(name="Grace B. Hopper", roles=set(), id=first))
    save_colleague(db, ColleagueInput(name="Alan Turing", roles={role}, id=other))
    assert colleague_ids_with_role(db, role) == [other]


def test_me_and_fallback_can_be_held_by_different_people(db: Database) -> None:
    me = person(db, "Me", Role.ME)
    fb = person(db, "Boss", Role.ESCALATION_FALLBACK)
    assert colleague_ids_with_role(db, Role.ME) == [me]
    assert colleague_ids_with_role(db, Role.ESCALATION_FALLBACK) == [fb]


def test_invalid_email_is_refused_and_nothing_saved(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        person(db, "Ada", email="ada at example")
    assert info.value.field == "email"
    assert "ada at example" in info.value.message
    assert list_colleagues(db) == []


def test_empty_name_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        person(db, "  ")
    assert info.value.field == "name"


# ------------------------------------------------------------------ departments


def test_department_requires_a_primary_contact(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        save_department(db, DepartmentInput("Billing"))
    assert info.value.field == "contacts"
    assert "primary contact" in info.value.message
    assert list_departments(db) == []


def test_first_contact_becomes_primary_when_none_marked(db: Database) -> None:
    a = person(db, "Ann", email="ann@example.com")
    b = person(db, "Ben")
    did = save_department(
        db,
        DepartmentInput(
            "Billing",
            description="Invoices",
            routing_notes="operational → Ann; client matters → Ben",
            contacts=[ContactInput(a, routing_note="operational"), ContactInput(b)],
        ),
    )
    d = get_department(db, did)
    assert d.name == "Billing"
    assert d.description == "Invoices"
    assert d.routing_notes == "operational → Ann; client matters → Ben"
    assert d.primary is not None
    assert d.primary.colleague_id == a
    assert d.primary.email == "ann@example.com"
    assert d.primary.routing_note == "operational"
    assert [(c.name, c.is_primary) for c in d.contacts] == [("Ann", True), ("Ben", False)]
    assert d.contacts_text == "Ann (primary), Ben"


def test_marked_primary_is_kept_and_listed_first(db: Database) -> None:
    a = person(db, "Ann")
    b = person(db, "Ben")
    did = save_department(
        db, DepartmentInput("IT", contacts=[ContactInput(a), ContactInput(b, is_primary=True)])
    )
    d = get_department(db, did)
    assert d.primary is not None
    assert d.primary.name == "Ben"
    assert [(c.name, c.is_primary) for c in d.contacts] == [("Ben", True), ("Ann", False)]


def test_two_primaries_are_refused(db: Database) -> None:
    a = person(db, "Ann")
    b = person(db, "Ben")
    with pytest.raises(ValidationError) as info:
        save_department(
            db,
            DepartmentInput(
                "IT", contacts=[ContactInput(a, is_primary=True), ContactInput(b, is_primary=True)]
            ),
        )
    assert info.value.field == "contacts"
    assert info.value.message == "Only one contact can be the primary contact."
    assert list_departments(db) == []


def test_a_contact_listed_twice_is_refused(db: Database) -> None:
    a = person(db, "Ann")
    with pytest.raises(ValidationError) as info:
        save_department(db, DepartmentInput("IT", contacts=[ContactInput(a), ContactInput(a)]))
    assert info.value.field == "contacts"


def test_duplicate_department_name_is_refused_case_insensitively(db: Database) -> None:
    a = person(db, "Ann")
    first = save_department(db, DepartmentInput("Customer Support", contacts=[ContactInput(a)]))
    with pytest.raises(ValidationError) as info:
        save_department(db, DepartmentInput(" customer SUPPORT ", contacts=[ContactInput(a)]))
    assert info.value.field == "name"
    assert "customer SUPPORT" in info.value.message
    assert [d.id for d in list_departments(db)] == [first]
    # saving the department itself under its own name (another case) is fine
    save_department(db, DepartmentInput("CUSTOMER support", contacts=[ContactInput(a)], id=first))
    assert get_department(db, first).name == "CUSTOMER support"


def test_update_department_replaces_contacts(db: Database) -> None:
    a = person(db, "Ann")
    b = person(db, "Ben")
    c = person(db, "Cat")
    did = save_department(db, DepartmentInput("Ops", contacts=[ContactInput(a), ContactInput(b)]))
    save_department(
        db,
        DepartmentInput(
            "Ops", contacts=[ContactInput(c), ContactInput(a, is_primary=True)], id=did
        ),
    )
    d = get_department(db, did)
    assert [(x.name, x.is_primary) for x in d.contacts] == [("Ann", True), ("Cat", False)]
    assert len(list_departments(db)) == 1


def test_list_and_delete_departments(db: Database) -> None:
    a = person(db, "Ann")
    ops = save_department(db, DepartmentInput("Ops", contacts=[ContactInput(a)]))
    save_department(db, DepartmentInput("Billing", contacts=[ContactInput(a)]))
    assert [d.name for d in list_departments(db)] == ["Billing", "Ops"]
    delete_department(db, ops)
    assert [d.name for d in list_departments(db)] == ["Billing"]
    with pytest.raises(NotFoundError):
        get_department(db, ops)
    with pytest.raises(NotFoundError):
        delete_department(db, ops)
    # the contact person stays in the directory
    assert [r.name for r in list_colleagues(db)] == ["Ann"]


# ------------------------------------------------------------------ deleting colleagues


def test_delete_colleague_without_work(db: Database) -> None:
    a = person(db, "Ann", Role.IT)
    b = person(db, "Ben")
    delete_colleague(db, a)
    assert [r.id for r in list_colleagues(db)] == [b]
    assert colleague_ids_with_role(db, Role.IT) == []
    with pytest.raises(NotFoundError):
        delete_colleague(db, a)


def test_delete_colleague_with_open_work_is_refused(db: Database) -> None:
    ann = person(db, "Ann Example")
    ben = person(db, "Ben")
    i1 = task(db, "Renew SSO certificate", ann)
    i2 = task(db, "Answer billing question", ann, ben)
    task(db, "Closed already", ann, status=Status.DONE)

    with pytest.raises(HasOpenWorkError) as info:
        delete_colleague(db, ann)
    err = info.value
    assert err.item_titles == ["Answer billing question", "Renew SSO certificate"]
    assert "Ann Example" in err.message
    assert "2 open item(s)" in err.message
    assert "Renew SSO certificate" in err.message
    assert "Answer billing question" in err.message
    assert "Closed already" not in err.message

    # nothing was deleted
    assert {r.name for r in list_colleagues(db)} == {"Ann Example", "Ben"}
    assert [c.id for c in get_item(db, i1).assignees] == [ann]
    assert {c.id for c in get_item(db, i2).assignees} == {ann, ben}


def test_open_work_message_is_shortened_for_many_items(db: Database) -> None:
    ann = person(db, "Ann")
    for n in range(7):
        task(db, f"Item {n}", ann)
    with pytest.raises(HasOpenWorkError) as info:
        delete_colleague(db, ann)
    assert len(info.value.item_titles) == 7
    assert "; and 2 more" in info.value.message
    assert "Item 5" not in info.value.message


def test_delete_colleague_with_reassignment_moves_the_work(db: Database) -> None:
    ann = person(db, "Ann")
    ben = person(db, "Ben")
    cat = person(db, "Cat")
    i1 = task(db, "Only Ann", ann)
    i2 = task(db, "Ann and Ben", ann, ben)
    i3 = task(db, "Cat alone", cat)

    delete_colleague(db, ann, reassign_to=ben)

    assert {r.name for r in list_colleagues(db)} == {"Ben", "Cat"}
    assert [c.id for c in get_item(db, i1).assignees] == [ben]
    assert [c.id for c in get_item(db, i2).assignees] == [ben]  # no duplicate
    assert [c.id for c in get_item(db, i3).assignees] == [cat]
    assert open_items_of(db, ben) == ["Ann and Ben", "Only Ann"]


def test_reassigning_to_oneself_or_to_nobody_is_refused(db: Database) -> None:
    ann = person(db, "Ann")
    task(db, "Open", ann)
    with pytest.raises(ValidationError):
        delete_colleague(db, ann, reassign_to=ann)
    with pytest.raises(NotFoundError):
        delete_colleague(db, ann, reassign_to=9999)
    assert [r.name for r in list_colleagues(db)] == ["Ann"]
    assert open_items_of(db, ann) == ["Open"]


def test_deleting_an_account_manager_is_refused(db: Database) -> None:
    am = person(db, "Mary Manager", Role.ACCOUNT_MANAGER)
    save_account(db, AccountInput("Northwind", account_manager_id=am))
    with pytest.raises(ValidationError) as info:
        delete_colleague(db, am)
    assert "Mary Manager" in info.value.message
    assert "Northwind" in info.value.message
    assert [r.name for r in list_colleagues(db)] == ["Mary Manager"]
    assert list_accounts(db)[0].account_manager == "Mary Manager"


def test_deleting_a_regional_manager_is_refused(db: Database) -> None:
    rm = person(db, "Rita Regional", Role.REGIONAL_MANAGER)
    save_account(db, AccountInput("Contoso", regional_manager_id=rm))
    with pytest.raises(ValidationError) as info:
        delete_colleague(db, rm)
    assert "Contoso" in info.value.message
    assert [r.name for r in list_colleagues(db)] == ["Rita Regional"]


def test_deleting_a_department_contact_removes_the_contact_only(db: Database) -> None:
    ann = person(db, "Ann")
    ben = person(db, "Ben")
    did = save_department(
        db, DepartmentInput("Ops", contacts=[ContactInput(ann), ContactInput(ben)])
    )
    delete_colleague(db, ben)
    d = get_department(db, did)
    assert [c.name for c in d.contacts] == ["Ann"]


def test_deleting_the_account_manager_of_a_ticket_is_explained(db: Database) -> None:
    me = person(db, "Me", Role.ME)
    am = person(db, "Mary Manager", Role.ACCOUNT_MANAGER)
    task(db, "Escalated ticket", me, item_type=ItemType.TICKET, account_manager_id=am)
    with pytest.raises(KnownError) as info:
        delete_colleague(db, am)
    assert "Mary Manager" in info.value.message


def test_deleting_the_primary_contact_promotes_the_next_one(db: Database) -> None:
    ann = person(db, "Ann")
    ben = person(db, "Ben")
    did = save_department(
        db, DepartmentInput("Ops", contacts=[ContactInput(ann), ContactInput(ben)])
    )
    delete_colleague(db, ann)
    primary = get_department(db, did).primary
    assert primary is not None
    assert primary.name == "Ben"
