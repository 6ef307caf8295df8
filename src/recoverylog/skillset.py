"""The coping-skills library as the journal sees it: built-in and personal skills,
favourites, search, suggestions from the person's own effectiveness data, and skill packs.

A mixin of :class:`recoverylog.journal.Journal`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recoverylog.domain import models as m
from recoverylog.errors import AlreadyExists, InvalidInput, NotFound

if TYPE_CHECKING:
    from recoverylog.skills.library import SkillEffect, SkillUse
    from recoverylog.skills.model import Skill
    from recoverylog.skills.packs import Pack
    from recoverylog.store.repo import Store


@dataclasses.dataclass(frozen=True)
class PackImport:
    added: tuple[str, ...]
    skipped: tuple[str, ...]
    replaced: tuple[str, ...]


class SkillsMixin:
    store: Store

    if TYPE_CHECKING:  # provided by Journal

        def save(self, entity: Any, *, update: bool = False) -> None: ...
        def records(self, table: str) -> list[Any]: ...

    # -- reading ------------------------------------------------------------------------
    def _personal(self) -> dict[str, tuple[str, Skill]]:
        """Personal skills by skill id: (record id, skill)."""
        from recoverylog.skills.model import skill_from_dict

        found = {}
        for record in self.records("skill"):
            skill = skill_from_dict({**record.skill, "personal": True}, "skill")
            found[skill.id] = (record.id, skill)
        return found

    def _prefs(self) -> dict[str, m.SkillPref]:
        return {p.skill_id: p for p in self.records("skillpref")}

    def skills(
        self, category: str | None = None, tradition: str | None = None, favourites: bool = False
    ) -> list[Skill]:
        """Built-in and personal skills (favourite flags set), optionally filtered."""
        from recoverylog.skills.library import builtin_skills, filter_skills

        prefs = self._prefs()
        personal = [s for _, s in self._personal().values()]
        everything = [
            dataclasses.replace(s, favourite=bool(prefs.get(s.id) and prefs[s.id].favourite))
            for s in (*builtin_skills(), *sorted(personal, key=lambda s: s.id))
        ]
        return list(
            filter_skills(everything, category=category, tradition=tradition, favourites=favourites)
        )

    def skill_names(self) -> dict[str, str]:
        """Skill ids (built-in and personal) to their names, for showing coping entries."""
        return {s.id: s.name for s in self.skills()}

    def skill(self, skill_id: str) -> Skill:
        wanted = skill_id.strip().lower()
        for skill in self.skills():
            if skill.id == wanted:
                return skill
        from recoverylog.skills.library import search

        close = search(self.skills(), skill_id)[:3]
        hint = f"; did you mean {', '.join(s.id for s in close)}?" if close else ""
        raise NotFound(f"there is no skill {skill_id!r}{hint}")

    def search_skills(self, words: str) -> list[Skill]:
        from recoverylog.skills.library import search

        if not words.strip():
            raise InvalidInput("WORDS", "must not be empty")
        return list(search(self.skills(), words))

    # -- effectiveness ------------------------------------------------------------------
    def skill_uses(self) -> list[SkillUse]:
        """Each coping entry (with its craving's triggers and intensities when linked), and
        each skill named on a craving that has no coping entry for it."""
        from recoverylog.skills.library import SkillUse

        with self.store.read():
            cravings = {c.id: c for c in self.records("craving")}
            coping = self.records("coping")
        uses = []
        logged: set[tuple[str, str]] = set()
        for entry in coping:
            craving = cravings.get(entry.craving_id) if entry.craving_id else None
            if craving is not None:
                logged.add((craving.id, entry.skill))
            uses.append(
                SkillUse(
                    skill_id=entry.skill,
                    helped=entry.helped,
                    triggers=tuple(craving.triggers) if craving else (),
                    intensity_before=craving.intensity if craving else None,
                    intensity_after=craving.intensity_after if craving else None,
                )
            )
        for craving in cravings.values():
            for skill_id in craving.skills:
                if (craving.id, skill_id) not in logged:
                    uses.append(
                        SkillUse(
                            skill_id,
                            None,
                            tuple(craving.triggers),
                            craving.intensity,
                            craving.intensity_after,
                        )
                    )
        return uses

    def skill_effectiveness(self, trigger: str | None = None) -> list[SkillEffect]:
        from recoverylog.skills.library import effectiveness

        return list(effectiveness(self.skill_uses(), trigger=trigger))

    def suggest_skills(
        self, trigger: str | None = None, intensity: int | None = None, limit: int = 10
    ) -> list[Skill]:
        from recoverylog.skills.library import suggest

        return list(
            suggest(self.skills(), trigger, intensity, self.skill_effectiveness(), limit=limit)
        )

    # -- changing -----------------------------------------------------------------------
    def set_favourite(self, skill_id: str, on: bool = True) -> Skill:
        skill = self.skill(skill_id)
        with self.store.write():
            pref = self._prefs().get(skill.id)
            if pref is None:
                from recoverylog.entries import new_id

                self.save(m.SkillPref(new_id(), skill.id, on))
            else:
                self.save(dataclasses.replace(pref, favourite=on), update=True)
        return dataclasses.replace(skill, favourite=on)

    def add_personal_skill(self, fields: dict[str, Any], *, replace: bool = False) -> Skill:
        """Validate and save a personal skill; an existing one with the id needs ``replace``."""
        from recoverylog.skills.library import builtin_skills
        from recoverylog.skills.model import skill_from_dict

        data = {k: v for k, v in fields.items() if k not in ("personal", "favourite")}
        skill = skill_from_dict({**data, "personal": True}, "skill")
        if any(b.id == skill.id for b in builtin_skills()):
            raise AlreadyExists(f"{skill.id!r} is a built-in skill; choose another id")
        with self.store.write():
            existing = self._personal().get(skill.id)
            if existing is not None and not replace:
                raise AlreadyExists(f"you already have a skill {skill.id!r} (use --replace)")
            stored = _stored_fields(skill)
            if existing is None:
                from recoverylog.entries import new_id

                self.save(m.PersonalSkill(new_id(), stored))
            else:
                self.save(m.PersonalSkill(existing[0], stored), update=True)
        return skill

    def import_pack(self, pack: Pack, *, replace: bool = False) -> PackImport:
        """Add a pack's skills; same id as a personal skill: skipped, or replaced with ``replace``."""
        from recoverylog.skills.library import builtin_skills

        builtin = {b.id for b in builtin_skills()}
        added: list[str] = []
        skipped: list[str] = []
        replaced: list[str] = []
        with self.store.write():
            personal = self._personal()
            for skill in pack.skills:
                if skill.id in builtin or skill.id in personal and not replace:
                    skipped.append(skill.id)
                else:
                    (replaced if skill.id in personal else added).append(skill.id)
                    self.add_personal_skill(skill.to_dict(), replace=True)
        return PackImport(tuple(added), tuple(skipped), tuple(replaced))

    def export_pack(
        self, path: Path, ids: Sequence[str] | None, meta: dict[str, str], *, force: bool = False
    ) -> Pack:
        """Write personal skills (or the given ids, built-ins included) as a TOML pack."""
        from recoverylog.skills.packs import Pack, write_pack

        chosen: Iterable[Skill]
        if ids:
            chosen = [self.skill(i) for i in ids]
        else:
            chosen = [s for _, s in sorted(self._personal().values(), key=lambda p: p[1].id)]
        skills = tuple(dataclasses.replace(s, favourite=False) for s in chosen)
        if not skills:
            raise InvalidInput(
                "--ids",
                "nothing to export: you have no personal skills yet; name skills with --ids",
            )
        pack = Pack(
            name=meta.get("name", "My coping skills"),
            author=meta.get("author", ""),
            description=meta.get("description", ""),
            version=meta.get("version", "1"),
            skills=skills,
        )
        write_pack(path, pack, force=force)
        return pack


def _stored_fields(skill: Skill) -> dict[str, Any]:
    data = skill.to_dict()
    data.pop("personal", None)
    data.pop("favourite", None)
    return data
