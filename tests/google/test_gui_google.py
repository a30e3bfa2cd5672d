"""Google in the window, driven as a user would (pytest-qt): Connect, Disconnect, Apply."""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from csdesk.core.db import Database
from csdesk.core.google import apply as gapply
from csdesk.core.google import auth
from csdesk.gui.google import GoogleAccountBox, GoogleConnectDialog, GooglePanel
from tests.fakegoogle import DRIVE_FILE, GMAIL_SETTINGS_BASIC, FakeGoogle
from tests.google.helpers import REFRESH, Plan, connect, make_plan
from tests.keyrings import MemoryKeyring


def fake_browser(url: str) -> None:
    """The user's browser: open the consent page, which redirects to csdesk's loopback address."""

    def visit() -> None:
        with urllib.request.urlopen(url, timeout=10) as answer:  # follows the 302
            answer.read()

    threading.Thread(target=visit, daemon=True).start()


@pytest.fixture
def client_file(tmp_path: Path, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(auth.ENV_API_ROOT, fake_google.root)
    path = tmp_path / "client_secret_desktop.json"
    path.write_text(
        json.dumps(
            {
                "installed": {
                    "client_id": "1234-desktop.apps.googleusercontent.com",
                    "client_secret": "GOCSPX-desktop-secret",
                    "redirect_uris": ["http://localhost"],
                }
            }
        )
    )
    return path


def _connect_through_dialog(qtbot: QtBot, box: GoogleAccountBox, client_file: Path) -> None:
    dialog = box.connect_account()
    qtbot.addWidget(dialog)
    dialog.open_url = fake_browser
    qtbot.keyClicks(dialog.ui.clientFileEdit, str(client_file))
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.connected, timeout=15000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_connect_shows_the_account_and_keeps_the_token_only_in_the_keyring(
    qtbot: QtBot,
    fake_google: FakeGoogle,
    client_file: Path,
    _isolated_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    box = GoogleAccountBox()
    qtbot.addWidget(box)
    assert "Not connected" in box.ui.accountLabel.text()
    _connect_through_dialog(qtbot, box, client_file)
    assert "csm@example.com" in box.ui.accountLabel.text()
    assert "Not allowed" not in box.ui.accountLabel.text()
    assert box.ui.disconnectButton.isEnabled()
    # PKCE and consent were asked for; the loopback address was a free port on 127.0.0.1
    consent = fake_google.auth_requests[-1]
    assert consent["code_challenge_method"] == "S256"
    assert consent["prompt"] == "consent" and consent["access_type"] == "offline"
    assert consent["redirect_uri"].startswith("http://127.0.0.1:")
    stored = json.loads(_isolated_keyring.store[("csdesk", auth.SECRET_NAME)])
    assert stored["refresh_token"].startswith("1//")
    assert "token" not in stored
    # nowhere else: not in the data directory, not in the logs
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name != "test-keyring.json":
            assert stored["refresh_token"].encode() not in path.read_bytes(), path


def test_partial_consent_gates_the_features(
    qtbot: QtBot, fake_google: FakeGoogle, client_file: Path
) -> None:
    fake_google.grant_only = [GMAIL_SETTINGS_BASIC, DRIVE_FILE]
    box = GoogleAccountBox()
    qtbot.addWidget(box)
    _connect_through_dialog(qtbot, box, client_file)
    conn = auth.status()
    assert conn is not None and conn.features == ("vacation", "sheet")
    assert "Not allowed: Calendar out-of-office event" in box.ui.accountLabel.text()


def test_declined_consent_and_cancel_leave_nothing_connected(
    qtbot: QtBot, fake_google: FakeGoogle, client_file: Path
) -> None:
    fake_google.consent_error = "access_denied"
    dialog = GoogleConnectDialog()
    qtbot.addWidget(dialog)
    dialog.open_url = fake_browser
    dialog.ui.clientFileEdit.setText(str(client_file))
    dialog.start()
    qtbot.waitUntil(lambda: "not granted" in dialog.ui.statusLabel.text(), timeout=15000)
    assert auth.status() is None
    assert dialog.ok_button.isEnabled()  # can try again

    fake_google.consent_error = None
    dialog.open_url = lambda _url: None  # the user never finishes in the browser
    dialog.start()
    handle = dialog.handle
    assert handle is not None
    qtbot.mouseClick(
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel),
        Qt.MouseButton.LeftButton,
    )
    assert handle.done.wait(5)  # the wait for the browser stops
    assert auth.status() is None


def test_a_wrong_client_file_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    web = tmp_path / "web.json"
    web.write_text(json.dumps({"web": {"client_id": "x"}}))
    dialog = GoogleConnectDialog()
    qtbot.addWidget(dialog)
    dialog.ui.clientFileEdit.setText(str(web))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "Desktop app" in dialog.ui.statusLabel.text()
    assert dialog.handle is None


def test_disconnect_revokes_and_forgets(
    qtbot: QtBot,
    fake_google: FakeGoogle,
    monkeypatch: pytest.MonkeyPatch,
    _isolated_keyring: MemoryKeyring,
) -> None:
    connect(fake_google, monkeypatch)
    box = GoogleAccountBox()
    qtbot.addWidget(box)
    assert "csm@example.com" in box.ui.accountLabel.text()
    said: list[str] = []
    monkeypatch.setattr("csdesk.gui.messages.confirm", lambda *a, **k: True)
    monkeypatch.setattr("csdesk.gui.messages.info", lambda _p, _t, text: said.append(text))
    with qtbot.waitSignal(box.changed, timeout=10000):
        qtbot.mouseClick(box.ui.disconnectButton, Qt.MouseButton.LeftButton)
    assert REFRESH in fake_google.revoked
    assert _isolated_keyring.store == {}
    assert "revoked" in said[0]
    assert "Not connected" in box.ui.accountLabel.text()


def test_no_password_manager_disables_connect(qtbot: QtBot) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    box = GoogleAccountBox()
    qtbot.addWidget(box)
    assert not box.ui.connectButton.isEnabled()
    assert "password manager" in box.ui.keyringLabel.text()


@pytest.fixture
def plan(db: Database) -> Plan:
    return make_plan(db)


def _apply(qtbot: QtBot, panel: GooglePanel) -> gapply.ApplyResult:
    with qtbot.waitSignal(panel.applied, timeout=30000) as blocker:
        qtbot.mouseClick(panel.ui.applyButton, Qt.MouseButton.LeftButton)
    result = blocker.args[0]
    assert isinstance(result, gapply.ApplyResult)
    return result


def test_apply_page_failure_then_retry_continues(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    panel = GooglePanel(plan.db)
    qtbot.addWidget(panel)
    panel.set_plan(plan.id)
    panel.show()
    assert panel.ui.applyButton.isEnabled()
    assert "csm@example.com" in panel.ui.connectionLabel.text()
    fake_google.fail_preset("accessNotConfigured", "GET", "settings/vacation$", times=None)
    first = _apply(qtbot, panel)
    assert not first.ok
    text = panel.ui.resultLabel.text()
    assert "Gmail API is not enabled" in text and "console.developers.google.com" in text
    table = panel.ui.stepsTable
    assert table.item(0, 2).text().startswith("Done")  # the sheet
    assert table.item(1, 2).text().startswith("Failed")  # the auto-reply
    fake_google.clear_faults()
    second = _apply(qtbot, panel)
    assert second.ok
    assert "All 4 step(s) done" in panel.ui.resultLabel.text()
    assert all(table.item(r, 2).text().startswith("Done") for r in range(4))
    assert len(fake_google.spreadsheets) == 1
    assert fake_google.vacation["enableAutoReply"] is True


def test_apply_page_options_and_unticked_steps(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(fake_google, monkeypatch)
    panel = GooglePanel(plan.db)
    qtbot.addWidget(panel)
    panel.set_plan(plan.id)
    panel.ui.restrictCombo.setCurrentIndex(panel.ui.restrictCombo.findData("contacts"))
    panel.ui.declineCombo.setCurrentIndex(panel.ui.declineCombo.findData("new"))
    for row in (0, 3):  # sheet and meetings not this time
        panel.ui.stepsTable.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    result = _apply(qtbot, panel)
    assert [s.key for s in result.steps] == ["vacation", "calendar"]
    assert fake_google.vacation["restrictToContacts"] is True
    event = next(iter(fake_google.events.values()))
    assert event["outOfOfficeProperties"]["autoDeclineMode"] == (
        "declineOnlyNewConflictingInvitations"
    )
    assert gapply.get_options(plan.db, plan.id).restrict == "contacts"
    assert fake_google.spreadsheets == {}


def test_apply_page_preview_without_an_account(qtbot: QtBot, plan: Plan) -> None:
    panel = GooglePanel(plan.db)
    qtbot.addWidget(panel)
    panel.set_plan(plan.id)
    assert not panel.ui.applyButton.isEnabled()
    assert "not connected" in panel.ui.connectionLabel.text()
    with qtbot.waitSignal(panel.applied, timeout=10000):
        qtbot.mouseClick(panel.ui.previewButton, Qt.MouseButton.LeftButton)
    assert "nothing was sent" in panel.ui.resultLabel.text()
    assert "Would set the Gmail auto-reply" in panel.ui.resultLabel.text()


def test_back_from_leave_switches_the_auto_reply_off(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csdesk.core import ooo
    from csdesk.gui.views.ooo import OooView

    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["vacation"]).ok
    assert fake_google.vacation["enableAutoReply"] is True
    view = OooView(plan.db, today=plan.back)
    qtbot.addWidget(view)
    view.ui.plansTable.selectRow(0)

    def fake_return(pid: int) -> str:  # the return wizard is modal: tested on its own
        return f"Welcome back. {len(ooo.mark_returned(plan.db, pid))} items came back to you."

    monkeypatch.setattr(view, "open_return", fake_return)
    qtbot.mouseClick(view.ui.returnButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.auto_reply_result is not None, timeout=15000)
    assert "auto-reply is switched off" in view.ui.nextDeadlineLabel.text()
    assert fake_google.vacation["enableAutoReply"] is False


def test_return_wizard_reads_the_shared_google_sheet(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from csdesk.core import commlog
    from csdesk.gui.ooo_return_wizard import OooReturnWizard

    connect(fake_google, monkeypatch)
    assert gapply.apply_plan(plan.db, plan.id, only=["sheet"]).ok
    sheet_id = gapply.google_state(plan.db, plan.id)["sheet_id"]
    pending = fake_google.sheet_values(sheet_id, "Pending items")
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    row = [day, pending[1][0], pending[1][1], "Call", "Walked the admin through it", "No"]
    for col, value in enumerate(row):
        fake_google.cells[sheet_id]["Tracking log"][(1, col)] = value
    before = len(commlog.list_entries(plan.db))
    wizard = OooReturnWizard(plan.db, plan.id, today=plan.back)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.googleButton.isVisible()
    qtbot.mouseClick(wizard.googleButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.reading, timeout=15000)
    assert "1 rows found" in wizard.ui.readLabel.text() or "1 row found" in (
        wizard.ui.readLabel.text()
    )
    assert len(commlog.list_entries(plan.db)) == before  # nothing written before Import
    wizard.next()
    assert len(commlog.list_entries(plan.db)) == before + 1


def test_the_wizards_google_page_applies_the_plan(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csdesk.core import ooo
    from csdesk.gui.ooo_wizard import OooWizard

    connect(fake_google, monkeypatch)
    ooo.set_step(plan.db, plan.id, "checklist")
    wizard = OooWizard(plan.db, plan.id)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == OooWizard.CHECKLIST
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == OooWizard.GOOGLE
    assert ooo.get_plan(plan.db, plan.id).step == "google"  # resumable here
    result = _apply(qtbot, wizard.google)
    assert result.ok
    assert fake_google.vacation["enableAutoReply"] is True
    qtbot.mouseClick(wizard.button(wizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    titles = [
        wizard.ui.checklistTable.item(r, 0).text()
        for r in range(wizard.ui.checklistTable.rowCount())
    ]
    assert any("Gmail vacation responder" in t and "Google: done" in t for t in titles)
    assert any("hand-off meeting" in t and "invitation sent" in t for t in titles)


def test_the_out_of_office_screen_shows_what_google_did(
    qtbot: QtBot, plan: Plan, fake_google: FakeGoogle, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csdesk.gui.views.ooo import OooView

    connect(fake_google, monkeypatch)
    fake_google.fail_preset("mailServiceNotEnabled", "GET", "settings/vacation$", times=None)
    gapply.apply_plan(plan.db, plan.id, only=["sheet", "vacation"])
    view = OooView(plan.db)
    qtbot.addWidget(view)
    view.ui.plansTable.selectRow(0)
    text = view.ui.planDetail.toPlainText()
    assert "Shared hand-off sheet (Google Sheets): done" in text
    assert "Gmail auto-reply: failed" in text and "no Gmail" in text
