"""The settings: read from the environment in one place, checked at start, documented from the code."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from api.cli import main
from api.config import Settings, SettingsError, load_settings, settings_table

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_and_typed_values():
    s = load_settings({"CLAIMTRACK_MATCH_CANDIDATES": "7", "CLAIMTRACK_READS_NEED_KEY": "yes",
                       "CLAIMTRACK_API_KEYS": " a, b ,,", "CLAIMTRACK_READ_TIMEOUT_S": "2.5",
                       "CLAIMTRACK_LOG_LEVEL": "WARNING"})
    assert s.match_candidates == 7 and s.reads_need_key is True and s.api_keys == ("a", "b")
    assert s.read_timeout_s == 2.5 and s.log_level == "warning"
    assert s.detect_against == 50 and s.rate_limit_writes == "3000/minute"
    assert s.database_url.startswith("sqlite:///") and s.database_url.endswith("instance/claimtrack.sqlite3")
    with pytest.raises(Exception):
        s.match_candidates = 3  # frozen


def test_empty_means_default_except_rate_limits_where_it_means_none():
    s = load_settings({"CLAIMTRACK_DETECT_DISAGREEMENTS": "", "CLAIMTRACK_MATCH_SCORED": "",
                       "CLAIMTRACK_RATE_LIMIT_READS": ""})
    assert s.detect_disagreements is True and s.match_scored == 6 and s.rate_limit_reads == ""


def test_every_bad_value_is_one_line_naming_the_variable():
    with pytest.raises(SettingsError) as caught:
        load_settings({"CLAIMTRACK_MATCH_CANDIDATES": "abc", "CLAIMTRACK_READS_NEED_KEY": "enabled",
                       "CLAIMTRACK_WORKERS": "0", "CLAIMTRACK_LOG_FORMAT": "xml", "CLAIMTRACK_MATCH_SCORED": "-1"})
    lines = caught.value.lines
    assert len(lines) == 5
    assert "CLAIMTRACK_MATCH_CANDIDATES='abc': expected a whole number" in "\n".join(lines)
    assert any(line.startswith("CLAIMTRACK_READS_NEED_KEY='enabled': expected on or off") for line in lines)
    assert any(line.startswith("CLAIMTRACK_WORKERS='0'") for line in lines)
    assert any(line.startswith("CLAIMTRACK_LOG_FORMAT='xml': expected one of text, json") for line in lines)


def test_a_bad_value_stops_every_command_with_status_2(monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_MATCH_CANDIDATES", "abc")
    for args in (["db", "upgrade"], ["serve"], ["openapi", "--check"], ["keys", "list"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.output.strip() == ("claimtrack: bad setting: CLAIMTRACK_MATCH_CANDIDATES='abc': "
                                         "expected a whole number of at least 0")


def test_gunicorn_started_directly_checks_the_settings_too(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "CLAIMTRACK_READS_NEED_KEY": "enabled", "CLAIMTRACK_INSTANCE_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", "import api.gunicorn_conf"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "claimtrack: bad setting: CLAIMTRACK_READS_NEED_KEY='enabled': expected on or off "
        "(1/true/yes/on or 0/false/no/off)"]


def test_create_app_config_replaces_settings_by_name(database_url, components):
    from api import create_app

    app = create_app({"DATABASE_URL": database_url, "COMPONENTS": components, "DETECT_AGAINST": 2,
                      "TESTING": True})
    settings = app.extensions["claimtrack"]["settings"]
    assert isinstance(settings, Settings) and settings.detect_against == 2 and settings.database_url == database_url
    assert app.config["TESTING"] is True and "DETECT_AGAINST" not in app.config
    app.extensions["claimtrack"]["engine"].dispose()


def test_the_readme_table_is_the_one_the_settings_write():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert settings_table() in readme
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.M))
    assert documented == {f.metadata["env"] for f in __import__("dataclasses").fields(Settings)
                          if f.metadata["documented"]}


def test_no_other_module_reads_the_environment():
    # (api/pipeline/match/semantic.py only sets the Hugging Face libraries' offline switches, and
    # api/pipeline/embedding.py the tokenizers library's thread switch)
    allowed = {ROOT / "api" / "config.py", ROOT / "api" / "pipeline" / "match" / "semantic.py",
               ROOT / "api" / "pipeline" / "embedding.py"}
    readers = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "api").rglob("*.py"))
               if p not in allowed and re.search(r"os\.environ|os\.getenv|getenv\(", p.read_text(encoding="utf-8"))]
    assert readers == []
