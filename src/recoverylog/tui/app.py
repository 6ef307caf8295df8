"""The app: global keys, themes, locking (panic and idle), and moving between screens.

``create_app`` is the one factory used by the command line, the tests and the benchmark.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from recoverylog.config import Config, load_config
from recoverylog.tui.commands import JournalCommands
from recoverylog.tui.data import Locked, Session
from recoverylog.tui.messages import Unlocked
from recoverylog.tui.ticks import RealTicks, Ticks

if TYPE_CHECKING:
    from recoverylog.journal import Journal
    from recoverylog.paths import Locations
    from recoverylog.vault.kdf import KdfParams

IDLE_CHECK_SECONDS = 5.0
WARM_AFTER_SECONDS = 0.5
#: The screens a person opens most from the dashboard, imported ahead of the first key.
WARM_MODULES = (
    "recoverylog.tui.screens.history",
    "recoverylog.tui.screens.entry",
    "recoverylog.tui.screens.checkin",
    "recoverylog.tui.screens.craving",
    "recoverylog.tui.screens.skills",
    "recoverylog.tui.screens.reflection",
)


def warm_imports() -> None:
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)
    from recoverylog.skills.library import builtin_skills

    builtin_skills()  # parsed once per process; history and the dashboard name skills


HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff5f5f",
    success="#5fff5f",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#262626",
    boost="#303030",
    dark=True,
    variables={
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 40%",
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
    },
)


class RecoveryApp(App[None]):
    """recoverylog's terminal app."""

    CSS_PATH = "app.tcss"
    TITLE = "recoverylog"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar[set[Any]] = {JournalCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            tooltip="Every key of this screen.",
        ),
        Binding(
            "exclamation_mark",
            "crisis",
            "Crisis",
            key_display="!",
            tooltip="Crisis and helpline resources; no unlocking needed.",
        ),
        Binding("f1", "help", "Help (also in text fields)", show=False, priority=True),
        Binding("f2", "crisis", "Crisis help (also in text fields)", show=False, priority=True),
        Binding(
            "ctrl+l",
            "lock",
            "Lock",
            tooltip="Lock now: clear the screen and forget the key.",
            priority=True,
        ),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, tooltip="Quit the app."),
        Binding("escape", "back", "Back", show=False, tooltip="Go back one screen."),
    ]

    def __init__(
        self,
        locations: Locations,
        *,
        journal: Journal | None = None,
        passphrase: str | None = None,
        ticks: Ticks | None = None,
        idle_clock: Callable[[], float] = time.monotonic,
        kdf_params: KdfParams | None = None,
        demo_passphrase: str | None = None,
    ) -> None:
        super().__init__()
        self.locations = locations
        self.session: Session | None = Session(journal) if journal is not None else None
        self.auto_passphrase = passphrase
        self.ticks: Ticks = ticks or RealTicks()
        self.idle_clock = idle_clock
        self.kdf_params = kdf_params
        self.demo_passphrase = demo_passphrase
        if demo_passphrase:  # every screen's header says so: nothing typed here is kept
            self.title = "recoverylog (sample)"
        self.config = self._read_config()
        self._last_input = idle_clock()
        self._closers: list[threading.Thread] = []

    # -- start ----------------------------------------------------------------------------
    def _read_config(self) -> Config:
        try:
            return load_config(self.locations.config_file)
        except Exception:  # a broken config never stands between a person and the app
            return Config()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.apply_theme(self.config.theme)
        self.set_interval(IDLE_CHECK_SECONDS, self.check_auto_lock)
        if self.session is not None:
            self.show_dashboard()
        else:
            self.push_screen(self._locked_screen())

    def apply_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name

    def _locked_screen(self) -> Screen[Any]:
        from recoverylog.journal import Journal

        if not Journal.exists(self.locations):
            from recoverylog.tui.screens.first_run import FirstRunScreen

            return FirstRunScreen()
        from recoverylog.tui.screens.lock import LockScreen

        passphrase, self.auto_passphrase = self.auto_passphrase, None
        return LockScreen(auto_passphrase=passphrase)

    # -- the journal ------------------------------------------------------------------------
    @contextmanager
    def journal(self) -> Iterator[Journal]:
        """The unlocked journal, for one call or a few; raises Locked once locked."""
        session = self.session
        if session is None:
            raise Locked()
        with session.use() as journal:
            yield journal

    @property
    def unlocked(self) -> bool:
        return self.session is not None and self.session.is_open

    def on_unlocked(self, message: Unlocked) -> None:
        """The lock or first-run screen has the journal open: show the dashboard."""
        if self.unlocked:  # a second unlock racing the first: keep one journal open
            message.journal.close()
            return
        self.session = Session(message.journal)
        self.touch()
        self.show_dashboard()
        if message.welcome:
            self.notify(message.welcome, markup=False)

    def show_dashboard(self) -> None:
        from recoverylog.tui.screens.dashboard import DashboardScreen

        self._reset_stack(DashboardScreen())
        self.set_timer(WARM_AFTER_SECONDS, self._warm_screens)

    def _warm_screens(self) -> None:
        """Import the daily screens' modules on a thread while the person reads the
        dashboard, so that the first key to one of them does not wait for imports."""
        self.run_worker(warm_imports, thread=True, group="warm", exit_on_error=False)

    def _reset_stack(self, screen: Screen[Any]) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) < 2:
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    # -- locking ----------------------------------------------------------------------------
    def lock(self, reason: str = "") -> None:
        """Clear every screen and drop the key from memory; show the lock screen."""
        session, self.session = self.session, None
        if session is None:
            return
        self._closers.append(session.close_in_background())
        self.clear_notifications()
        self._reset_stack(self._locked_screen())
        if reason:
            self.notify(reason, title="Locked", markup=False)

    # -- the last line of defence --------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        self._fatal = error
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """An error nothing else caught closes the app with one plain line: no traceback and
        no local variables (Textual's default shows both, and they can hold journal text)."""
        from rich.text import Text

        from recoverylog.errors import RecoverylogError

        error = getattr(self, "_fatal", None)
        if isinstance(error, RecoverylogError):
            line = f"recoverylog: {error.message}"
        else:
            name = type(error).__name__ if error is not None else "error"
            line = (
                f"recoverylog closed after an unexpected problem ({name}). "
                "Everything you saved is in your journal; please open it again."
            )
        self.bell()
        self._exit_renderables.append(Text(line))
        self._close_messages_no_wait()

    def panic(self, *renderables: Any) -> None:
        """Never print an object's own rendering on the way out (it could be user text)."""
        self._fatal_error()

    def on_unmount(self) -> None:
        self.lock_for_exit()

    def wait_closed(self) -> None:
        """Wait until journals closed by locking are fully closed (tests, exit)."""
        for thread in self._closers:
            thread.join()
        self._closers.clear()

    def touch(self) -> None:
        self._last_input = self.idle_clock()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(
            event,
            events.Key
            | events.MouseDown
            | events.MouseScrollUp
            | events.MouseScrollDown
            | events.Paste,
        ):
            self._last_input = self.idle_clock()
        if isinstance(event, events.Key) and self._global_key_in_empty_field(event):
            return
        await super().on_event(event)

    def _global_key_in_empty_field(self, event: events.Key) -> bool:
        """``?`` and ``!`` in an empty text field (or one whose whole text is selected, as on
        arriving in it) still open help and crisis resources; once something is typed they
        type themselves (F1 and F2 work everywhere).

        The choice is made on the field's own queue, after the keys typed before it."""
        from textual.command import CommandPalette
        from textual.widgets import Input, TextArea

        action = GLOBAL_CHARACTER_KEYS.get(event.key)
        focused = self.focused
        if action is None or event.is_forwarded or CommandPalette.is_open(cast(Any, self)):
            return False
        if not isinstance(focused, Input | TextArea):
            return False
        event.stop()
        event.prevent_default()
        focused.call_later(self._text_or_action, event.character or "", action)
        return True

    def _text_or_action(self, character: str, action: Callable[[RecoveryApp], Any]) -> None:
        from textual.widgets import Input, TextArea

        field = self.focused
        if isinstance(field, Input):
            chosen = field.selection
            if not field.value or {chosen.start, chosen.end} == {0, len(field.value)}:
                action(self)
            elif chosen.is_empty:
                field.insert_text_at_cursor(character)
            else:
                field.replace(character, *chosen)
        elif isinstance(field, TextArea):
            if not field.text:
                action(self)
            elif not field.read_only:
                field.replace(character, *field.selection)
        else:
            action(self)

    def check_auto_lock(self) -> None:
        minutes = self.config.auto_lock_minutes
        if not minutes or not self.unlocked:
            return
        if self.idle_clock() - self._last_input >= minutes * 60:
            self.lock(f"Locked after {minutes} minutes without activity.")

    # -- global actions ---------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to lock while locked: the key is hidden from the footer and help.
        return not (action == "lock" and not self.unlocked)

    def action_lock(self) -> None:
        self.lock()

    def action_help(self) -> None:
        from recoverylog.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen.for_screen(self.screen))

    def action_crisis(self) -> None:
        from recoverylog.tui.screens.crisis import CrisisScreen

        if isinstance(self.screen, CrisisScreen):
            return
        self.push_screen(CrisisScreen(self.config.region))

    async def action_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def open_screen(self, name: str) -> None:
        """Push one of the journal's screens by name (dashboard keys, the command palette)."""
        from recoverylog.tui.screens import registry

        if not self.unlocked:
            self.notify("Unlock the journal first.", markup=False)
            return
        screen = registry.make(name)
        if screen is not None:
            self.push_screen(screen)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # No "screenshot" command: it would write the journal's text to disk in the clear.
        yield SystemCommand("Theme", "Change the colours", self.action_change_theme)
        yield SystemCommand("Quit", "Quit the app", self.action_quit)

    async def action_quit(self) -> None:
        self.lock_for_exit()
        self.exit()

    def lock_for_exit(self) -> None:
        session, self.session = self.session, None
        if session is not None:
            session.close()
        self.wait_closed()

    def save_config(self, config: Config) -> None:
        from recoverylog.config import save_config

        save_config(self.locations.config_file, config)
        self.config = config
        self.apply_theme(config.theme)


GLOBAL_CHARACTER_KEYS: dict[str, Callable[[RecoveryApp], Any]] = {
    "question_mark": RecoveryApp.action_help,
    "exclamation_mark": RecoveryApp.action_crisis,
}


def create_app(
    locations: Locations,
    *,
    journal: Journal | None = None,
    passphrase: str | None = None,
    ticks: Ticks | None = None,
    idle_clock: Callable[[], float] = time.monotonic,
    kdf_params: KdfParams | None = None,
    demo_passphrase: str | None = None,
) -> RecoveryApp:
    return RecoveryApp(
        locations,
        journal=journal,
        passphrase=passphrase,
        ticks=ticks,
        idle_clock=idle_clock,
        kdf_params=kdf_params,
        demo_passphrase=demo_passphrase,
    )
