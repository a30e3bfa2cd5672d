"""The import wizard driven with Next, as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from csdesk.core import portfolio
from csdesk.core.db import Database
from csdesk.gui.import_wizard import ImportWizard

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_salesforce_import_through_the_wizard(qtbot: QtBot, db: Database) -> None:
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.ui.fileEdit, str(FIXTURES / "salesforce_accounts.csv"))
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.MAPPING
    assert "Salesforce" in wizard.ui.detectedLabel.text()
    names = [
        wizard.ui.mappingTable.item(r, 0).text() for r in range(wizard.ui.mappingTable.rowCount())
    ]
    assert any(n.endswith("*") for n in names)  # required fields are marked
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW
    assert "12 would be created" in wizard.ui.dryRunLabel.text()
    assert portfolio.list_accounts(db) == []  # the dry run wrote nothing
    assert wizard.preview_model.rowCount() == 12
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.RUN
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.imported
    assert "12 were created" in wizard.ui.resultLabel.text()
    assert len(portfolio.list_accounts(db)) == 12


def test_bad_rows_are_listed_and_block_the_import(qtbot: QtBot, db: Database) -> None:
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.ui.fileEdit, str(FIXTURES / "salesforce_bad_date.csv"))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW
    errors = [wizard.ui.errorsList.item(i).text() for i in range(wizard.ui.errorsList.count())]
    assert any(e.startswith("Row 4, column “Renewal Date”") for e in errors)
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.PREVIEW  # all or nothing: no way forward
    assert portfolio.list_accounts(db) == []


def test_missing_file_and_unmapped_required_column(qtbot: QtBot, db: Database, monkeypatch) -> None:
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.ui.fileEdit, "/nowhere/accounts.csv")
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.FILE
    assert "There is no file" in wizard.ui.detectedLabel.text()
    wizard.ui.fileEdit.setText(str(FIXTURES / "salesforce_missing_column.csv"))
    next_page(qtbot, wizard)  # not recognised automatically: no Account Name column
    assert wizard.currentId() == ImportWizard.FILE
    assert "does not recognise these columns" in wizard.ui.detectedLabel.text()
    wizard.ui.formatCombo.setCurrentIndex(wizard.ui.formatCombo.findData("salesforce"))
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.MAPPING
    shown: list[str] = []
    monkeypatch.setattr("csdesk.gui.messages.error", lambda parent, title, text: shown.append(text))
    next_page(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.MAPPING
    assert "required columns are missing" in shown[0]
    assert "Account Name" in shown[0]
