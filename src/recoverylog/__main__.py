"""Entry point for ``python -m recoverylog``."""

from recoverylog.cli.main import run

if __name__ == "__main__":
    run()
