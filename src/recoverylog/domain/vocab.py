"""Shared vocabularies: traditions, triggers (HALT included) and skill categories.

Plain tuples of text, imported by the domain models, the skills library, the CLI and the TUI.
Triggers double as the tags of cravings and the "when to use" tags of skills.
"""

from __future__ import annotations

#: Where a coping skill comes from. Named to attribute, never to imply endorsement.
TRADITIONS = ("SMART Recovery", "12-step", "SOS", "DBT", "CBT", "mindfulness", "general")

#: What can set off a craving; also what a skill is meant for.
TRIGGERS = (
    "hungry",
    "angry",
    "lonely",
    "tired",
    "stress",
    "boredom",
    "celebration",
    "social-pressure",
    "people",
    "places",
    "things",
    "physical-pain",
    "sadness",
    "anxiety",
    "shame",
)

#: The four states of the HALT check, a subset of TRIGGERS.
HALT = ("hungry", "angry", "lonely", "tired")

#: What kind of help a skill gives.
CATEGORIES = ("urge", "thinking", "emotion", "body", "connection", "planning", "lifestyle")

#: The trigger tag of a skill that fits every trigger.
ANY_TRIGGER = "any"
