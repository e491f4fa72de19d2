"""The README's pre-commit and GitHub Actions examples run as written."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
PRE_COMMIT = shutil.which("pre-commit", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
needs_pre_commit = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")


def yaml_block(heading: str) -> str:
    """The first ```yaml block after a README heading."""
    section = README[README.index(heading):]
    return re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com", *args], cwd=repo,
                   check=True, capture_output=True)


def scratch_repo(tmp_path: Path, edited: bool) -> Path:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    if edited:
        text = text.replace("$10 billion of Pyongyang", "$12 billion of Pyongyang")
    (repo / "docs" / "interview.txt").write_text(text, encoding="utf-8")
    git(repo, "init", "-q")
    return repo


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
           "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run([PRE_COMMIT, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_the_actions_workflow_is_complete():
    workflow = yaml.safe_load(yaml_block("### GitHub Actions"))
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    uses = [step.get("uses", "") for step in job["steps"]]
    assert uses[0].startswith("actions/checkout@") and uses[1].startswith("actions/setup-python@")
    assert any(use.startswith("github/codeql-action/upload-sarif@") for use in uses)
    assert not any("|| true" in step.get("run", "") for step in job["steps"])


def test_the_actions_workflow_commands_run_as_written(tmp_path, monkeypatch):
    """Each factcheck step in a checkout with docs/: the SARIF step succeeds and writes a valid
    log, the gate fails on the edited seed (exit 1, not 2)."""
    workflow = yaml.safe_load(yaml_block("### GitHub Actions"))
    (job,) = workflow["jobs"].values()
    commands = [shlex.split(step["run"]) for step in job["steps"] if step.get("run", "").startswith("factcheck ")]
    repo = scratch_repo(tmp_path, edited=True)
    monkeypatch.chdir(repo)
    assert CliRunner().invoke(app, ["lock", "docs/"]).exit_code == 0
    (repo / "docs" / "interview.txt").write_text(SEED.read_text(encoding="utf-8").replace("$9 million", "$8 million"),
                                                 encoding="utf-8")
    statuses = [CliRunner().invoke(app, command[1:]).exit_code for command in commands]
    assert statuses == [0, 1]
    sarif = json.loads((repo / "factcheck.sarif").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(sarif)


@needs_pre_commit
def test_the_pre_commit_example_runs_as_written(tmp_path):
    repo = scratch_repo(tmp_path, edited=True)
    (repo / ".pre-commit-config.yaml").write_text(yaml_block("### pre-commit"), encoding="utf-8")
    git(repo, "add", "-A")
    result = pre_commit(repo, "run", "factcheck", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/interview.txt:56:44: error [part_of_whole]" in result.stdout
    git(repo, "rm", "-q", "--cached", "docs/interview.txt")
    (repo / "docs" / "interview.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "add", "-A")
    assert pre_commit(repo, "run", "factcheck", "--all-files").returncode == 0


@needs_pre_commit
def test_the_hooks_of_this_repository_through_try_repo(tmp_path):
    """`pre-commit try-repo` installs this repository as the hook's environment, as a remote
    `repo:` with a `rev:` would; factcheck-locked fails on a figure that differs from the lock."""
    repo = scratch_repo(tmp_path, edited=False)
    subprocess.run([sys.executable, "-c", "from factcheck.cli import main; main()", "lock", "docs/"], cwd=repo,
                   check=True, capture_output=True)
    (repo / "docs" / "interview.txt").write_text(SEED.read_text(encoding="utf-8").replace("$9 million", "$8 million"),
                                                 encoding="utf-8")
    git(repo, "add", "-A")
    locked = pre_commit(repo, "try-repo", str(ROOT), "factcheck-locked", "--all-files")
    assert locked.returncode == 1, locked.stdout + locked.stderr
    assert re.search(r"docs/interview.txt:\d+:\d+: error \[lock\] figure changed: \$9 million → \$8 million", locked.stdout)
