"""Skill packs: shareable TOML files of coping skills (SPEC section 7), read and written safely.

A pack is plain data: a ``[pack]`` table (name, author, description, version) and ``[[skill]]``
entries with the fields of :class:`~recoverylog.skills.model.Skill`. Reading refuses, with a
message naming the problem, anything over 1 MiB, anything that is not UTF-8 TOML, deep nesting,
unknown keys, wrong types and duplicate ids; one bad entry refuses the whole file. Nothing in
a pack is executed or interpreted as markup. Skills read from a pack are ``personal`` (they are
not built in) and not favourites; writing a pack leaves those two journal flags out.
"""

from __future__ import annotations

import os
import secrets
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from recoverylog.errors import AlreadyExists, InvalidInput, NotFound, StorageError
from recoverylog.skills.model import DATA_FIELDS, Skill, skill_from_dict

MAX_PACK_BYTES = 1024 * 1024
MAX_PACK_SKILLS = 1_000
PACK_FIELDS = ("name", "author", "description", "version")
PACK_LIMITS = {"name": 120, "author": 120, "description": 2_000, "version": 40}
HEADER = "# A recoverylog skill pack: plain data (TOML), safe to read, share and edit.\n\n"


@dataclass(frozen=True)
class Pack:
    name: str
    author: str
    description: str
    version: str
    skills: tuple[Skill, ...]


def read_pack(path: Path, *, where: str | None = None) -> Pack:
    """Read and check a pack file; its size is checked before it is read."""
    label = where or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise NotFound(f"there is no file {label}") from None
    except OSError as exc:
        raise StorageError(f"could not read {label}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInput(label, "is not a regular file")
    if info.st_size > MAX_PACK_BYTES:
        raise InvalidInput(label, _too_big(info.st_size))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_PACK_BYTES + 1)  # the file may have grown since stat
    except OSError as exc:
        raise StorageError(f"could not read {label}: {exc.strerror or exc}") from None
    return parse_pack(data, where=label)


def parse_pack(content: str | bytes, *, where: str = "skill pack") -> Pack:
    """Check a pack's text (or UTF-8 bytes) and build it; raise InvalidInput on any problem."""
    if isinstance(content, str):
        size = len(content.encode("utf-8", "surrogatepass"))
        if size > MAX_PACK_BYTES:
            raise InvalidInput(where, _too_big(size))
        text = content
    else:
        if len(content) > MAX_PACK_BYTES:
            raise InvalidInput(where, _too_big(len(content)))
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                where, f"is not UTF-8 text (a bad byte at position {exc.start})"
            ) from None
    doc = _load_toml(text, where)
    unknown = [key for key in doc if key not in ("pack", "skill")]
    if unknown:
        raise InvalidInput(
            f"{where}: {unknown[0]}", "is not part of a skill pack (expected [pack] and [[skill]])"
        )
    meta = _meta(doc.get("pack"), where)
    entries = doc.get("skill")
    if entries is None:
        raise InvalidInput(where, "has no [[skill]] entries")
    if not isinstance(entries, list):
        raise InvalidInput(f"{where}: skill", "must be written as [[skill]] entries")
    if not entries:
        raise InvalidInput(where, "has no [[skill]] entries")
    if len(entries) > MAX_PACK_SKILLS:
        raise InvalidInput(
            where, f"has {len(entries):,} skills; the most a pack may hold is {MAX_PACK_SKILLS:,}"
        )
    skills: list[Skill] = []
    first_seen: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        entry_where = f"skill {number}"
        if not isinstance(entry, dict):
            raise InvalidInput(entry_where, "must be a [[skill]] table")
        for key, value in entry.items():
            if key not in DATA_FIELDS:
                name = entry.get("id")
                shown = f"{entry_where} ({name})" if isinstance(name, str) else entry_where
                raise InvalidInput(
                    f"{shown}: {key}", f"is not a skill field (known: {', '.join(DATA_FIELDS)})"
                )
            _check_flat(f"{entry_where}: {key}", value)
        skill = skill_from_dict({**entry, "personal": True}, entry_where)
        if skill.id in first_seen:
            raise InvalidInput(
                f"{entry_where} ({skill.id}): id",
                f"is already used by skill {first_seen[skill.id]}; ids must be unique in a pack",
            )
        first_seen[skill.id] = number
        skills.append(skill)
    return Pack(skills=tuple(skills), **meta)


def pack_to_toml(pack: Pack) -> str:
    """The pack as TOML text (checked first): a short header, ``[pack]``, ``[[skill]]``."""
    import tomli_w

    meta = _meta({f: getattr(pack, f) for f in PACK_FIELDS}, "pack")
    if not pack.skills:
        raise InvalidInput("pack", "has no skills to write")
    entries: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, skill in enumerate(pack.skills, 1):
        data = {k: v for k, v in skill.to_dict().items() if k in DATA_FIELDS and v is not None}
        skill_from_dict(data, f"skill {number}")  # a Skill built by hand may still be wrong
        if skill.id in seen:
            raise InvalidInput(f"skill {number} ({skill.id}): id", "appears twice in the pack")
        seen.add(skill.id)
        entries.append(data)
    return HEADER + tomli_w.dumps({"pack": meta, "skill": entries})


def write_pack(path: Path, pack: Pack, *, force: bool = False) -> None:
    """Write the pack with mode 0600; an existing file is replaced only with ``force``."""
    data = pack_to_toml(pack).encode("utf-8")
    path = Path(path)
    if force:
        temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        _write_new(temp, data)
        try:
            os.replace(temp, path)
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
    else:
        _write_new(path, data)


def _write_new(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise AlreadyExists(f"{path} already exists (use --force to replace it)") from None
    except OSError as exc:
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise StorageError(f"could not write {path}: {exc.strerror or exc}") from None
    os.close(fd)


def _too_big(size: int) -> str:
    return f"is too large for a skill pack ({size / 1024 / 1024:,.1f} MiB; the limit is 1 MiB)"


def _load_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(where, f"is not valid TOML ({exc})") from None
    except RecursionError:
        raise InvalidInput(where, "is nested too deeply (a skill pack is flat data)") from None
    except (ValueError, TypeError, MemoryError) as exc:
        raise InvalidInput(where, f"could not be read as TOML ({type(exc).__name__})") from None


def _check_flat(where: str, value: object) -> None:
    """A skill's value is text, a whole number, true/false, or a list of text: nothing deeper."""
    if isinstance(value, list):
        for number, item in enumerate(value, 1):
            if isinstance(item, list | dict):
                raise InvalidInput(f"{where} {number}", "must be text, not a nested list or table")
    elif isinstance(value, dict):
        raise InvalidInput(where, "must not be a table")


def _meta(table: object, where: str) -> dict[str, str]:
    if table is None:
        raise InvalidInput(where, "has no [pack] table (name, author, description, version)")
    if not isinstance(table, dict):
        raise InvalidInput(f"{where}: pack", "must be a [pack] table")
    for key in table:
        if key not in PACK_FIELDS:
            raise InvalidInput(
                f"pack: {key}", f"is not a pack field (known: {', '.join(PACK_FIELDS)})"
            )
    meta: dict[str, str] = {}
    defaults = {"name": None, "author": "", "description": "", "version": "1"}
    for key in PACK_FIELDS:
        value = table.get(key, defaults[key])
        if value is None:
            raise InvalidInput(f"pack: {key}", "is missing")
        if not isinstance(value, str):
            hint = ' (write it in quotes, e.g. version = "1.0")' if key == "version" else ""
            raise InvalidInput(f"pack: {key}", f"must be text{hint}")
        if key == "name" and not value.strip():
            raise InvalidInput("pack: name", "must not be empty")
        if len(value) > PACK_LIMITS[key]:
            raise InvalidInput(f"pack: {key}", f"must be at most {PACK_LIMITS[key]:,} characters")
        if any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) < 0xA0 for c in value):
            raise InvalidInput(f"pack: {key}", "must not contain control characters")
        if key != "description" and "\n" in value:
            raise InvalidInput(f"pack: {key}", "must be a single line")
        meta[key] = value
    return meta
