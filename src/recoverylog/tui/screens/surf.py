"""Urge surfing: a timer that asks the urge's intensity each minute and draws the wave."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Select, Static

from recoverylog import fields as parse
from recoverylog.domain.models import OUTCOMES
from recoverylog.errors import RecoverylogError
from recoverylog.tui.screens.base import FormScreen, collect
from recoverylog.tui.screens.checkin import small_input
from recoverylog.tui.widgets.field import Field
from recoverylog.tui.widgets.footer import KeysFooter
from recoverylog.tui.widgets.surf_curve import SurfCurve

GUIDE = (
    "Notice where the urge sits in your body. Breathe slowly. Let it rise and fall like a "
    "wave: you do not have to act on it. Each minute I will ask how strong it is."
)


class SurfScreen(FormScreen):
    """The timer runs on the app's tick source (a fake one in tests)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Finish and save", tooltip="Save the craving and its curve."),
        Binding("escape", "leave", "Back", tooltip="Leave the timer (asks before discarding)."),
    ]
    FIELDS = {"intensity": "f-now", "sample_intensity": "f-now", "outcome": "f-outcome"}

    def __init__(
        self, intensity: int, triggers: tuple[str, ...], note: str = "", minutes: int = 10
    ) -> None:
        super().__init__()
        self.samples: dict[int, int] = {0: intensity}
        self.triggers = triggers
        self.note = note
        self.minutes = minutes
        self.minute = 0
        self._stop: Callable[[], None] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="surf", classes="form"):
            yield Static(GUIDE, markup=False, classes="muted")
            yield Static("", id="clock", markup=False)
            yield SurfCurve(self.ordered(), id="curve")
            yield Static("", id="prompt", markup=False, classes="title")
            yield Field(
                "Urge now 0-10", small_input("now", placeholder="type a number, Enter"), id="f-now"
            )
            yield Field(
                "Outcome",
                Select(
                    [(o, o) for o in OUTCOMES],
                    prompt="decide at the end",
                    id="outcome",
                    compact=True,
                ),
                id="f-outcome",
            )
            yield Static("", id="form-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Finish and save", id="save", variant="primary", compact=True)
                yield Button("Discard", id="discard", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Urge surfing"
        self.query_one("#form-error").display = False
        self._stop = self.rapp.ticks.start(self, self.on_tick)
        self._show_clock(0.0)
        self.query_one("#prompt", Static).update(
            f"Minute 0: {self.samples[0]} out of 10. Breathe; I'll ask again at minute 1."
        )
        self.query_one("#now", Input).focus()

    def on_unmount(self) -> None:
        self.stop_timer()

    def stop_timer(self) -> None:
        if self._stop is not None:
            self._stop()
            self._stop = None

    def ordered(self) -> tuple[tuple[int, int], ...]:
        return tuple(sorted(self.samples.items()))

    def on_tick(self, elapsed: float) -> None:
        if not self.is_attached:
            return
        if self._stop is not None:  # surfing is sitting still on purpose: not idle time
            self.rapp.touch()
        minute = min(int(elapsed // 60), self.minutes)
        if minute <= self.minute:
            self._show_clock(elapsed)
            return
        self.minute = minute
        self._show_clock(elapsed)
        prompt = self.query_one("#prompt", Static)
        if minute >= self.minutes:
            self.stop_timer()
            prompt.update(
                f"Minute {minute}: the timer is done. How strong is it now? Then save (ctrl+s)."
            )
        else:
            prompt.update(f"Minute {minute}: how strong is the urge now (0-10)?")
        self.query_one("#now", Input).focus()

    def _show_clock(self, elapsed: float) -> None:
        if self.minute >= self.minutes:
            text = f"{self.minutes} minutes surfed."
        else:
            left = 60 - int(elapsed) % 60
            text = f"Minute {self.minute} of {self.minutes} · next question in {left}s"
        self.query_one("#clock", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.clear_errors()
        (value,), errors = collect(
            lambda: parse.integer("intensity", event.value.strip() or None, 0, 10)
        )
        if errors or value is None:
            self.show_errors(errors)
            return
        self.samples[self.minute] = value
        self.query_one("#curve", SurfCurve).samples = self.ordered()
        event.input.value = ""
        if self.minute < self.minutes:
            self.query_one("#prompt", Static).update(
                f"Minute {self.minute}: {value} out of 10. Next question at minute {self.minute + 1}."
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def action_save(self) -> None:
        samples = self.ordered()
        chosen = self.query_one("#outcome", Select).value
        if isinstance(chosen, str):
            outcome = chosen
        else:
            first, last = samples[0][1], samples[-1][1]
            outcome = "passed" if last < first or last == 0 else "ongoing"
        try:
            craving, _ = self.write(
                lambda j: j.add_surf(
                    samples, triggers=self.triggers, outcome=outcome, note=self.note
                )
            )
        except RecoverylogError as exc:
            self.show_errors([exc])
            return
        self.stop_timer()
        first, last = samples[0][1], samples[-1][1]
        self.notify(
            f"Saved: from {first} to {last} over {samples[-1][0]} min. "
            + (
                "It passed. Well done riding it out."
                if outcome == "passed"
                else "You stayed with it."
            ),
            markup=False,
        )
        self._back_to_start()

    def _back_to_start(self) -> None:
        from recoverylog.tui.screens.craving import CravingScreen

        stack = self.app.screen_stack
        both = len(stack) >= 3 and isinstance(stack[-2], CravingScreen)
        self.app.pop_screen()
        if both:
            self.app.pop_screen()

    def action_leave(self) -> None:
        from recoverylog.tui.screens.dialogs import ConfirmScreen

        if len(self.samples) <= 1:
            self.stop_timer()
            self.app.pop_screen()
            return

        def answer(discard: bool | None) -> None:
            if discard:
                self.stop_timer()
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmScreen("Leave the timer without saving this session?", "Discard", "Stay"), answer
        )
