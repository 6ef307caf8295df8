"""The Textual app: screens, widgets and the glue to the journal facade (imported only by the TUI)."""
