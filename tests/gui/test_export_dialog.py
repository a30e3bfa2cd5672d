"""The Export dialog writes the same files as `csdesk export`."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot

from csdesk.core import commlog
from csdesk.core.db import Database
from csdesk.core.enums import Channel
from csdesk.gui.export_dialog import ExportDialog
from csdesk.gui.widgets import select_data
from tests.gui.conftest import Seed


def test_export_log_for_an_account(
    qtbot: QtBot, db: Database, seeded: Seed, tmp_path: Path
) -> None:
    commlog.save_entry(
        db,
        commlog.LogInput(
            Channel.EMAIL, '=HYPERLINK("x") sent the report', account_id=seeded.account
        ),
    )
    dialog = ExportDialog(db, kind="log", account="Harbor Health Clinics", ask_path=False)
    qtbot.addWidget(dialog)
    assert dialog.accountCombo.currentData() == "Harbor Health Clinics"
    out = dialog.run(tmp_path / "log.csv")
    assert out == tmp_path / "log.csv"
    (row,) = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert row["summary"].startswith("'=HYPERLINK")
    assert "Exported 1 record(s)" in dialog.resultLabel.text()


def test_directory_offers_vcard_and_refuses_a_bad_folder(
    qtbot: QtBot, db: Database, seeded: Seed, tmp_path: Path
) -> None:
    dialog = ExportDialog(db, kind="directory", ask_path=False)
    qtbot.addWidget(dialog)
    formats = [dialog.formatCombo.itemData(i) for i in range(dialog.formatCombo.count())]
    assert formats == ["csv", "json", "vcf"]
    assert not dialog.accountCombo.isEnabled()
    select_data(dialog.formatCombo, "vcf")
    assert dialog.run(tmp_path / "missing" / "dir.vcf") is None
    assert not dialog.errorLabel.isHidden() and dialog.errorLabel.text()
