"""The ``fake_google`` fixture: a started FakeGoogle for tests of the Google integration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakegoogle import FakeGoogle

_PROXY_VARIABLES = (
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
)


@pytest.fixture
def fake_google(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGoogle]:
    """A FakeGoogle on 127.0.0.1, stopped afterwards.

    oauthlib refuses a plain-http token endpoint unless OAUTHLIB_INSECURE_TRANSPORT is set, so
    it is set here (tests only). Proxy variables are removed so httplib2, requests and urllib
    talk to the loopback server directly. At teardown every request the real Google would
    have refused as malformed (``fake_google.violations``) fails the test: a test that
    provokes one on purpose asserts on it and then calls ``fake_google.violations.clear()``.
    """
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    for variable in _PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    with FakeGoogle() as fake:
        yield fake
        fake.assert_no_violations()
