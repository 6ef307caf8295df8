"""recoverylog: a private, encrypted, terminal-first sobriety and coping-skills journal."""

__version__ = "0.1.0"
