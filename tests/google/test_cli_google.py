"""`csdesk google …` and `csdesk ooo apply`, run as a user runs them: separate processes.

The subprocesses use the file-backed test keyring (PYTHON_KEYRING_BACKEND, set
for every test in tests/conftest.py) and the fake Google server of this process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from csdesk.core.google import auth
from tests.fakegoogle import ALL_SCOPES, FakeGoogle
from tests.google.helpers import CLIENT_ID, CLIENT_SECRET, REFRESH

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run(tmp_path: Path, fake_google: FakeGoogle):  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        auth.ENV_API_ROOT: fake_google.root,
        "CSDESK_DATA_DIR": str(tmp_path / "data"),
    }

    def csdesk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "csdesk", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=180,
        )

    csdesk.env = env  # type: ignore[attr-defined]
    return csdesk


def _authorized_user(tmp_path: Path, fake: FakeGoogle) -> Path:
    fake.add_token("ya29.cli-seed", REFRESH, ALL_SCOPES)
    path = tmp_path / "authorized_user.json"
    path.write_text(
        json.dumps(
            {
                "type": "authorized_user",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "refresh_token": REFRESH,
                "scopes": list(ALL_SCOPES),
            }
        )
    )
    return path


def test_import_status_apply_logout(run, tmp_path: Path, fake_google: FakeGoogle) -> None:  # type: ignore[no-untyped-def]
    status = run("google", "status", "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["connected"] is False

    source = _authorized_user(tmp_path, fake_google)
    imported = run("google", "import-credentials", str(source))
    assert imported.returncode == 0, imported.stderr
    assert "Connected: csm@example.com" in imported.stdout
    keyring_file = Path(os.environ["CSDESK_TEST_KEYRING"])
    assert REFRESH in keyring_file.read_text()
    data_dir = tmp_path / "data"
    assert not any(REFRESH.encode() in p.read_bytes() for p in data_dir.rglob("*") if p.is_file())

    status = json.loads(run("google", "status", "--json").stdout)
    assert status["email"] == "csm@example.com"
    assert set(status["features"]) == {"vacation", "calendar", "meetings", "sheet", "availability"}

    new = run(
        "--demo", "ooo", "new", "--start", "2027-03-01", "--end", "2027-03-05",
        "--tl", "celeste.harmon@brightpath.example",
        "--backup", "jonah.pierce@brightpath.example", "--json",
    )  # fmt: skip
    assert new.returncode == 0, new.stderr
    plan = str(json.loads(new.stdout)["id"])

    dry = run("--demo", "ooo", "apply", "--plan", plan, "--dry-run")
    assert dry.returncode == 0 and "Would set the Gmail auto-reply" in dry.stdout
    assert fake_google.count("PUT", "/gmail/v1/users/me/settings/vacation") == 0

    fake_google.busy["jonah.pierce@brightpath.example"] = [
        ("2027-03-02T00:00:00Z", "2027-03-04T00:00:00Z")
    ]
    applied = run("--demo", "ooo", "apply", "--plan", plan, "--json")
    assert applied.returncode == 0, applied.stdout + applied.stderr
    answer = json.loads(applied.stdout)
    assert answer["ok"] and [s["state"] for s in answer["steps"]] == ["done"] * 4
    assert answer["backup_availability"]["warning"] is True

    again = run("--demo", "ooo", "apply", "--plan", plan, "--only", "vacation,calendar")
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("done (unchanged)") == 2

    show = json.loads(run("--demo", "ooo", "show", "--plan", plan, "--json").stdout)
    done = {c["key"] for c in show["checklist"] if c["done"]}
    assert {"auto_reply", "calendar_ooo"} <= done

    out = run("google", "logout")
    assert out.returncode == 0 and "revoked" in out.stdout
    assert REFRESH in fake_google.revoked
    assert REFRESH not in keyring_file.read_text()


def test_apply_failure_exit_code_and_words(run, tmp_path: Path, fake_google: FakeGoogle) -> None:  # type: ignore[no-untyped-def]
    assert (
        run("google", "import-credentials", str(_authorized_user(tmp_path, fake_google))).returncode
        == 0
    )
    new = run(
        "--demo", "ooo", "new", "--start", "2027-03-01", "--end", "2027-03-05",
        "--tl", "celeste.harmon@brightpath.example",
        "--backup", "jonah.pierce@brightpath.example", "--json",
    )  # fmt: skip
    plan = str(json.loads(new.stdout)["id"])
    fake_google.fail_preset("accessNotConfigured", "GET", "settings/vacation$", times=None)
    failed = run(
        "--demo", "ooo", "apply", "--plan", plan, "--only", "vacation", "--no-availability"
    )
    assert failed.returncode == 1
    assert "Gmail API is not enabled" in failed.stdout
    assert "Run the same command again" in failed.stdout
    bad = run("--demo", "ooo", "apply", "--plan", plan, "--only", "fax")
    assert bad.returncode == 2 and "Unknown step" in bad.stderr


def test_import_of_a_revoked_sign_in_is_refused(
    run, tmp_path: Path, fake_google: FakeGoogle
) -> None:  # type: ignore[no-untyped-def]
    source = _authorized_user(tmp_path, fake_google)
    fake_google.revoke_refresh_token(REFRESH)
    out = run("google", "import-credentials", str(source))
    assert out.returncode == 2
    assert "expired or was revoked" in out.stderr
    assert REFRESH not in out.stderr
    assert json.loads(run("google", "status", "--json").stdout)["connected"] is False


def test_login_with_the_browser_step_played_by_the_test(
    run, tmp_path: Path, fake_google: FakeGoogle
) -> None:  # type: ignore[no-untyped-def]
    client = tmp_path / "client.json"
    client.write_text(json.dumps({"installed": {"client_id": CLIENT_ID, "client_secret": "s"}}))
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "csdesk", "google", "login", "--client-secrets", str(client),
            "--no-browser", "--features", "vacation,sheet", "--timeout", "60",
        ],
        cwd=ROOT, env=run.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    url = ""
    for line in proc.stdout:
        if line.startswith("http"):
            url = line.strip()
            break
    assert url.startswith(fake_google.root + "o/oauth2/auth?")

    def browser() -> None:
        with urllib.request.urlopen(url, timeout=10) as answer:
            answer.read()

    threading.Thread(target=browser, daemon=True).start()
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Connected: csm@example.com" in rest
    assert "Gmail auto-reply: yes" in rest
    assert "Calendar out-of-office event: no" in rest
    consent = fake_google.auth_requests[-1]
    assert set(consent["scope"].split()) == {auth.GMAIL_SETTINGS, auth.DRIVE_FILE}
