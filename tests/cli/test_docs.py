"""The commands shown in the README and docs/ exist, with the options they are shown with."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from newsledger.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```(?:sh|bash|console)?\n(.*?)```", re.S)


def shown_commands(text: str) -> list[list[str]]:
    """Argument lists of every `newsledger ...` line in the shell blocks of a Markdown text."""
    out = []
    for block in BLOCK.findall(text):
        for line in block.splitlines():
            line = line.split(" #")[0].strip().lstrip("$ ")
            if not line.startswith("newsledger "):
                continue
            line = line.split("|")[0].split(">")[0]
            try:
                out.append(shlex.split(line)[1:])
            except ValueError:  # an unbalanced quote in prose-like usage lines
                continue
    return out


def resolve(args: list[str]) -> tuple[click.Command, list[str]]:
    """The (sub)command the arguments name, and the options given to it."""
    cmd, opts, rest = cli, [], list(args)
    while rest:
        a = rest.pop(0)
        if a.startswith("-"):
            opts.append(a.split("=")[0])
            if a in ("--db",):
                rest.pop(0) if rest else None
            continue
        if isinstance(cmd, click.Group) and a in cmd.commands:
            cmd = cmd.commands[a]
        elif (
            isinstance(cmd, click.Group)
            and type(cmd).parse_args is not click.Group.parse_args
            and "show" in cmd.commands
        ):
            cmd = cmd.commands["show"]  # a group that shows by default (`actor NAME`)
        elif isinstance(cmd, click.Group):
            raise AssertionError(f"no command {a!r} in `{cmd.name}`")
    return cmd, opts


def known_options(cmd: click.Command) -> set[str]:
    names = {"--help", "-h"}
    for p in cmd.params:
        names.update(o for o in getattr(p, "opts", []) + getattr(p, "secondary_opts", []))
    return names


def test_shown_commands_are_read_from_shell_blocks():
    text = 'x\n```sh\nnewsledger --db a.db quotes --speaker "Khazali"   # who\n$ ls\n```\n'
    assert shown_commands(text) == [["--db", "a.db", "quotes", "--speaker", "Khazali"]]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_command_shown_exists_with_its_options(doc):
    top = known_options(cli)
    for args in shown_commands(doc.read_text()):
        cmd, opts = resolve(args)
        unknown = [o for o in opts if o not in known_options(cmd) | top]
        assert not unknown, f"{doc.name}: `newsledger {' '.join(args)}`: no option {unknown}"
