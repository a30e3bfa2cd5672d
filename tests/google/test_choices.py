"""The command line's Google choices (csdesk.core.google.choices) are the modules' own."""

from __future__ import annotations

from csdesk.core.google import apply, auth, choices


def test_feature_keys_are_the_features_in_order() -> None:
    assert tuple(f.key for f in auth.FEATURES) == choices.FEATURE_KEYS == auth.FEATURE_KEYS


def test_apply_uses_the_same_steps_and_choices() -> None:
    assert apply.STEPS is choices.STEPS
    assert set(apply.STEP_LABELS) >= set(choices.STEPS)
    assert apply.RESTRICT_CHOICES is choices.RESTRICT_CHOICES
    assert apply.DECLINE_MODES is choices.DECLINE_MODES
