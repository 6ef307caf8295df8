"""The app's own words are person-first and free of stigma (SPEC sections 1 and 8).

Scans every user-facing string: the built-in skills, the crisis resources, and every string
literal (docstrings included) in ``src/recoverylog``. Each finding prints its file, line and
word. The allow-list is short and only for technical or trademark senses.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "recoverylog"

_I = re.IGNORECASE
_SUBJECT = r"(?:you|you've|i|i've|we|we've|they|they've|he|he's|she|she's|person|people)"
STIGMA: list[tuple[str, re.Pattern[str]]] = [
    ("addict", re.compile(r"\baddicts?\b", _I)),
    ("abuse", re.compile(r"\babus(?:e|es|ed|ing|ers?)\b", _I)),
    ("alcoholic (a person)", re.compile(r"\balcoholics?\b", _I)),
    ("junkie", re.compile(r"\bjunkies?\b", _I)),
    ("drug user", re.compile(r"\b(?:drug|substance|alcohol|opioid|heroin|cocaine)\s+users?\b", _I)),
    (
        "clean (a person)",
        re.compile(
            r"\b(?:stay|stays|stayed|staying|get|gets|got|getting|gotten|be|been|being|am|are|"
            r"was|were|keep|keeps|kept|remain|remains|remained|tested|tests|test|came\s+up)\s+"
            r"clean\b|\bclean\s+(?:time|date|days?|and\s+sober|tests?|urine|screens?|result)\b",
            _I,
        ),
    ),
    ("dirty", re.compile(r"\bdirty\b", _I)),
    ("failure", re.compile(r"\bfailures?\b", _I)),
    (
        "failed (a person)",
        re.compile(
            rf"\b{_SUBJECT}\s+(?:have\s+|has\s+|had\s+)?failed\b"
            r"|\bfailed\s+(?:again|at\s+recovery|recovery|sobriety|the\s+program)\b",
            _I,
        ),
    ),
    (
        "relapse (as blame)",
        re.compile(
            r"\brelaps(?:ed|er|ers|ing)\b|\b(?:had|has|have)\s+(?:a\s+)?relapse\b"
            r"|\brelapse\s+(?:is|was|means)\s+(?:a\s+)?failure\b|\bfell\s+off\s+the\s+wagon\b",
            _I,
        ),
    ),
]

#: Technical or trademark senses; a finding inside one of these spans is not a finding.
ALLOWED = [
    re.compile(r"\bAlcoholics Anonymous\b"),  # trademark, named only to attribute
    re.compile(r"\b(?:non-?)?alcoholic\s+(?:drinks?|beverages?|content)\b", _I),  # drinks
    re.compile(
        r"\b(?:each|any|validation|integrity|decryption|check|read|write|disk|parse|test)\s+"
        r"failures?\b",
        _I,
    ),  # a check that fails, not a person
    re.compile(r"\bdirty\s+(?:flag|bit|pages?|state|tree|worktree)\b", _I),  # caches, git
]


def findings(text: str) -> Iterator[tuple[str, str]]:
    """(label, matched words) for each stigmatising use in a line of text."""
    allowed = [m.span() for pattern in ALLOWED for m in pattern.finditer(text)]
    for label, pattern in STIGMA:
        for match in pattern.finditer(text):
            start, end = match.span()
            if not any(a <= start and end <= b for a, b in allowed):
                yield label, match.group(0)


def _toml_lines() -> Iterator[tuple[Path, int, str]]:
    for path in sorted([*SRC.glob("skills/data/*.toml"), *SRC.glob("data/*.toml")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield path, number, line


def _python_strings() -> Iterator[tuple[Path, int, str]]:
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for offset, line in enumerate(node.value.splitlines()):
                    yield path, node.lineno + offset, line


def test_the_scan_covers_the_user_facing_text() -> None:
    tomls = {p.name for p, _, _ in _toml_lines()}
    assert {"smart.toml", "dbt.toml", "crisis.toml"} <= tomls
    modules = {p.relative_to(SRC).as_posix() for p, _, _ in _python_strings()}
    assert {"crisis.py", "skills/library.py", "errors.py"} <= modules


def test_no_stigmatising_words_anywhere_in_the_apps_own_text() -> None:
    problems = []
    for path, number, line in [*_toml_lines(), *_python_strings()]:
        for label, words in findings(line):
            where = path.relative_to(SRC.parent.parent)
            problems.append(f"{where}:{number}: {words!r} ({label}) in: {line.strip()[:100]}")
    print("\n".join(problems))
    assert not problems, "\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "text",
    [
        "Support for every addict.",
        "Addicts welcome",
        "substance abuse treatment",
        "a history of drug abuse",
        "Alcohol abuse",
        "the abuser",
        "He is an alcoholic.",
        "for alcoholics",
        "junkie",
        "Stay clean today",
        "you got clean in May",
        "90 days clean time",
        "She tested clean",
        "a dirty urine",
        "You are a failure",
        "you failed again",
        "I've failed",
        "He relapsed",
        "she had a relapse",
        "fell off the wagon",
        "drug users",
    ],
)
def test_the_scanner_flags_stigmatising_phrases(text: str) -> None:
    assert list(findings(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Alcoholics Anonymous (AAWS), named to attribute",
        "skip non-alcoholic drinks that taste like beer",
        "clean up the temporary files",
        "a cleanup step",
        "each failure names the field",
        "The header, a record or a file failed its integrity check.",
        "the decryption failed",
        "mindfulness-based relapse prevention (MBRP)",
        "a slip, a lapse or a return to use",
        "Treating addiction with medication",
        "the dirty flag of the cache",
    ],
)
def test_the_scanner_leaves_technical_and_person_first_wording_alone(text: str) -> None:
    assert not list(findings(text)), text
