"""`factcheck config`: every setting with its value and where it came from."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import Config, load_config
from factcheck.config_view import render_settings, settings_table


def test_no_config_file_gives_the_defaults():
    rows = {name: (value, origin) for name, value, origin in settings_table(Config())}
    assert rows["fail_on"] == ('"error"', "default")
    assert rows["lock"] == ('"factcheck.lock"', "default")
    assert rows["date"] == ("none", "default")
    assert render_settings(Config()).startswith("config file: none found")


def test_a_setting_from_the_file_names_the_file(tmp_path: Path):
    config_file = tmp_path / ".factcheck.toml"
    config_file.write_text('fail_on = "warning"\nrules = ["mine"]\nselect = ["sum"]\n', encoding="utf-8")
    rows = {name: (value, origin) for name, value, origin in settings_table(load_config(tmp_path))}
    assert rows["fail_on"] == ('"warning"', str(config_file))
    assert rows["rules"] == (f'["{(tmp_path / "mine").as_posix()}"]', str(config_file))
    assert rows["select"] == ('["sum"]', str(config_file))
    assert rows["tolerance"] == ("0.0", "default")
    text = render_settings(load_config(tmp_path))
    assert f'fail_on          = "warning"  # {config_file}' in text.splitlines()
