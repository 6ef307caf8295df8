"""Skip Typer's Pydantic-based coercion for plain text options.

Typer 0.29 builds a Pydantic ``TypeAdapter`` for every non-flag parameter, which imports
Pydantic (about 85 ms here) before any command runs. recoverylog's options are all text that
the commands parse and validate themselves (``cli/parse.py``), so text parameters and flags are
passed through unchanged. If Typer's internals change, this quietly does nothing.
"""

from __future__ import annotations

from typing import Any

TEXT_ANNOTATIONS: tuple[Any, ...] = (str, str | None, list[str], list[str] | None)
FLAG_ANNOTATIONS: tuple[Any, ...] = (bool, bool | None)


def install() -> None:
    try:
        from typer import _coercion, core
    except ImportError:  # an older or newer Typer without these internals
        return
    original = getattr(core, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None or getattr(original, "_recoverylog_fast", False):
        return

    class TextParam(base):  # type: ignore[misc, valid-type]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if isinstance(value, bool) and self.annotation in FLAG_ANNOTATIONS:
                return value
            if isinstance(value, list | tuple):
                return type(value)(str(item) for item in value)
            return value if isinstance(value, str) else str(value)

    def build(descriptor: Any) -> Any:
        annotation = getattr(descriptor, "annotation", None)
        if getattr(descriptor, "file_annotation", None) is None and any(
            annotation == known for known in TEXT_ANNOTATIONS + FLAG_ANNOTATIONS
        ):
            return TextParam(parameter_info=descriptor.parameter_info, annotation=annotation)
        return original(descriptor)

    build._recoverylog_fast = True  # type: ignore[attr-defined]
    core.build_runtime_param = build
