"""The names the command line offers for the Google commands, without loading them.

``csdesk`` builds its whole parser on every start, the window's too: these
constants let it do so without importing the Google modules (auth, apply).
Those modules use these very objects; tests/google checks they agree.
"""

from __future__ import annotations

#: What csdesk may do in Google (csdesk.core.google.auth.FEATURES, in that order).
FEATURE_KEYS = ("vacation", "calendar", "meetings", "sheet", "availability")
#: The steps of ``csdesk ooo apply`` (csdesk.core.google.apply), in the order they run.
STEPS = ("sheet", "vacation", "calendar", "meetings")
RESTRICT_CHOICES = ("none", "contacts", "domain")
DECLINE_MODES = {
    "all": "declineAllConflictingInvitations",
    "new": "declineOnlyNewConflictingInvitations",
    "none": "declineNone",
}
