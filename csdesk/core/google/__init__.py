"""Google integration (issue 6): connect, keep the sign-in in the keyring, apply the OOO plan.

Nothing here imports the Google client libraries at import time: they are
loaded by the first call that needs them, so the window paints without them.
"""
