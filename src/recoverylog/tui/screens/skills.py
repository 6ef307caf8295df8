"""The coping-skills browser: search, filter by tradition and category, detail, favourites."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Checkbox, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from recoverylog.domain.vocab import CATEGORIES, TRADITIONS
from recoverylog.errors import RecoverylogError
from recoverylog.tui.data import skills_available
from recoverylog.tui.screens.base import JournalScreen
from recoverylog.tui.text import visible
from recoverylog.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from recoverylog.journal import Journal

COMING_SOON = "The coping-skills library is not installed yet. It is coming soon."


@dataclass(frozen=True)
class Query:
    words: str = ""
    tradition: str | None = None
    category: str | None = None
    favourites: bool = False


def find_skills(journal: Journal, query: Query) -> list[Any] | None:
    """Skills matching the query, or None when the library is not installed."""
    if not skills_available(journal):
        return None
    if query.words.strip():
        found = journal.search_skills(query.words)
        return [
            s
            for s in found
            if (query.tradition is None or s.tradition == query.tradition)
            and (query.category is None or s.category == query.category)
            and (s.favourite or not query.favourites)
        ]
    return list(journal.skills(query.category, query.tradition, query.favourites))


def skill_text(skill: Any) -> Text:
    """Everything about a skill; a personal skill's words are the person's, shown as typed."""
    text = Text(overflow="fold")
    text.append(visible(skill.name), style="bold")
    if skill.favourite:
        text.append("  ★ favourite", style="bold")
    text.append("\n")
    mine = " · your own" if skill.personal else ""
    text.append(
        f"{visible(skill.tradition)} · {visible(skill.category)} · about {skill.minutes} min{mine}\n\n",
        style="dim",
    )
    text.append(visible(skill.summary) + "\n\n")
    for number, step in enumerate(skill.steps, 1):
        text.append(f"{number}. ", style="bold")
        text.append(visible(step) + "\n")
    when = ", ".join(skill.triggers)
    text.append(
        f"\nWhen: {visible(when)}; urges {skill.intensity_min}-{skill.intensity_max} of 10\n",
        style="dim",
    )
    if skill.caution:
        text.append("\nTake care: ", style="bold")
        text.append(visible(skill.caution) + "\n")
    if skill.source:
        text.append(f"\nSource: {visible(skill.source)}", style="dim")
    return text


class SkillsScreen(JournalScreen):
    BINDINGS = [
        Binding(
            "ctrl+f", "favourite", "Favourite", tooltip="Mark or unmark the skill as a favourite."
        ),
        Binding("ctrl+n", "new_skill", "New skill", tooltip="Add a skill of your own."),
        Binding(
            "slash", "search", "Search", key_display="/", tooltip="Search by name, trigger or text."
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.skills: list[Any] = []
        self._debounce: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="skills"):
            with Vertical(id="skills-left"):
                yield Input(placeholder="search: stress, walk, breathe…", id="search", compact=True)
                with Horizontal(id="skill-filters"):
                    yield Select(
                        [(t, t) for t in TRADITIONS],
                        prompt="Any tradition",
                        id="tradition",
                        compact=True,
                    )
                    yield Select(
                        [(c, c) for c in CATEGORIES], prompt="Any kind", id="category", compact=True
                    )
                yield Checkbox("Favourites only", id="favourites", compact=True)
                yield OptionList(id="skill-list")
            with VerticalScroll(id="skill-detail", classes="panel"):
                yield Static("", id="detail", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Coping skills"
        self.query_one("#skill-list", OptionList).focus()
        self.search()

    def on_screen_resume(self, _: Any) -> None:
        if self.is_mounted and self.skills:
            self.search()

    def current_query(self) -> Query:
        tradition = self.query_one("#tradition", Select).value
        category = self.query_one("#category", Select).value
        return Query(
            self.query_one("#search", Input).value,
            tradition if isinstance(tradition, str) else None,
            category if isinstance(category, str) else None,
            self.query_one("#favourites", Checkbox).value,
        )

    def search(self) -> None:
        query = self.current_query()
        self.load(lambda j: find_skills(j, query), self.show_skills, group="skills")

    def on_input_changed(self, _: Input.Changed) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(0.25, self.search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#skill-list", OptionList).focus()

    def on_select_changed(self, _: Select.Changed) -> None:
        self.search()

    def on_checkbox_changed(self, _: Checkbox.Changed) -> None:
        self.search()

    def show_skills(self, skills: list[Any] | None) -> None:
        options = self.query_one("#skill-list", OptionList)
        keep = self.current_skill()
        options.clear_options()
        detail = self.query_one("#detail", Static)
        if skills is None:
            self.skills = []
            detail.update(COMING_SOON)
            return
        self.skills = skills
        for skill in skills:
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append("★ " if skill.favourite else "  ")
            prompt.append(visible(skill.name))
            options.add_option(Option(prompt, id=skill.id))
        if not skills:
            detail.update(
                "No skills match. Try fewer words, or a trigger such as stress or lonely."
            )
            return
        index = next((i for i, s in enumerate(skills) if keep and s.id == keep.id), 0)
        options.highlighted = index
        self.show_detail(skills[index])

    def current_skill(self) -> Any | None:
        index = self.query_one("#skill-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.skills):
            return None
        return self.skills[index]

    def show_detail(self, skill: Any) -> None:
        self.query_one("#detail", Static).update(skill_text(skill))
        self.query_one("#skill-detail").scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        skill = self.current_skill()
        if skill is not None:
            self.show_detail(skill)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.query_one("#skill-detail").focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_favourite(self) -> None:
        skill = self.current_skill()
        if skill is None:
            return
        try:
            updated = self.write(lambda j: j.set_favourite(skill.id, not skill.favourite))
        except RecoverylogError as exc:
            self.report_error(exc)
            return
        verb = "is now a favourite" if updated.favourite else "is no longer a favourite"
        self.notify(f"{visible(updated.name)} {verb}.", markup=False)
        self.search()

    def action_new_skill(self) -> None:
        from recoverylog.tui.screens.skill_form import SkillFormScreen

        if not self.skills and self.query_one("#detail", Static).content == COMING_SOON:
            self.notify(COMING_SOON, markup=False)
            return
        self.app.push_screen(SkillFormScreen())
