"""`factcheck config`: the effective settings and where each came from (the config file or the default)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from factcheck.config import Config

DEFAULTS: dict[str, Any] = {
    "rules": [],
    "facts": None,
    "fail_on": "error",
    "tolerance": 0.0,
    "approx_threshold": 0.05,
    "include": [],
    "exclude": [],
    "date": None,
    "lock": "factcheck.lock",
    "format": "text",
    "select": [],
    "ignore": [],
    "min_level": "info",
    "per_file_ignores": {},
}
"""What a setting is when no config file sets it; None and [] mean "none" (all files, every check)."""


def settings_table(config: Config) -> list[tuple[str, str, str]]:
    """(name, value as TOML would write it, origin) for every setting, in the order of `Config`."""
    rows = []
    for field in dataclasses.fields(config):
        if field.name == "source":
            continue
        value = getattr(config, field.name)
        given = value not in (None, ())
        origin = str(config.source) if given and config.source else "default"
        rows.append((field.name, toml_value(plain(value) if given else DEFAULTS[field.name]), origin))
    return rows


def plain(value: Any) -> Any:
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return {key: plain(item) for key, item in value}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value.as_posix() if isinstance(value, Path) else value


def toml_value(value: Any) -> str:
    """A value as it would be written in the config file; 'none' when unset."""
    return "none" if value is None else json.dumps(value, ensure_ascii=False)


def render_settings(config: Config) -> str:
    rows = settings_table(config)
    width = max(len(name) for name, _, _ in rows)
    head = f"config file: {config.source}" if config.source else "config file: none found (all settings are defaults)"
    lines = [head, *(f"{name:<{width}} = {value}  # {origin}" for name, value, origin in rows)]
    return "".join(line + "\n" for line in lines)
