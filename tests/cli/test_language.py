"""The command speaks the chosen language: its help, argparse's own words and what it prints,
bokmål by default, English with ``--language en``, ``SJELDEN_LANGUAGE`` or the profile's."""

from __future__ import annotations

import argparse
import ast
import inspect
from collections.abc import Iterator

import pytest

from desktop import cli
from desktop.cli import argparse_words, output
from desktop.cli.help_texts import HELP
from tests.helpers.cli import run_cli

PASS = "riktig hest batteri stift"
NO_CHOICE = {"SJELDEN_LANGUAGE": "", "SJELDEN_LANG": ""}


@pytest.fixture
def no_language_chosen(monkeypatch: pytest.MonkeyPatch, isolated_environment) -> None:
    for name in NO_CHOICE:
        monkeypatch.delenv(name, raising=False)


def test_help_is_bokmal_by_default(no_language_chosen) -> None:
    result = run_cli("--help", env=NO_CHOICE)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("bruk: sjelden ")
    assert "posisjonsargumenter:" in out and "valg:" in out
    assert "vis denne hjelpeteksten og avslutt" in out
    assert "kontroller registreringer" in out and "Frakoblet registreringsklient" in out
    for english in ("usage:", "options:", "show this help", "validate registration records"):
        assert english not in out


def test_help_in_english_by_option_environment_or_profile(no_language_chosen) -> None:
    by_option = run_cli("--language", "en", "--help", env=NO_CHOICE).stdout
    assert by_option.startswith("usage: sjelden ")
    assert "show this help message and exit" in by_option
    assert "validate registration records" in by_option and "bruk:" not in by_option
    by_environment = run_cli("staff", "--help", env={**NO_CHOICE, "SJELDEN_LANGUAGE": "en"})
    assert by_environment.stdout.startswith("usage: sjelden staff")
    assert "Registry-staff mode" in by_environment.stdout

    made = run_cli("init", "--key-file", "--language", "en", env={"SJELDEN_PASSPHRASE": PASS})
    assert made.returncode == 0 and "The profile is set up" in made.stdout, made.stderr
    by_profile = run_cli("validate", "--help", env=NO_CHOICE).stdout
    assert by_profile.startswith("usage: sjelden validate") and "print issues as JSON" in by_profile
    checked = run_cli("unlock-check", stdin=PASS + "\n", env=NO_CHOICE)
    assert checked.stdout.startswith("OK: the profile unlocked")
    # the command line outranks the profile's choice
    assert run_cli("--language", "nb", "unlock-check", stdin=PASS + "\n").stdout.startswith(
        "OK: profilen er låst opp"
    )


def test_a_wrong_command_is_a_norwegian_usage_error(no_language_chosen) -> None:
    result = run_cli("finnesikke", env=NO_CHOICE)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("bruk: sjelden ")
    assert lines[-1].startswith("sjelden: feil: argument COMMAND: ugyldig valg: 'finnesikke'")
    assert "Traceback" not in result.stderr and result.stdout == ""
    missing = run_cli("validate", env=NO_CHOICE)
    assert missing.returncode == 2
    assert "sjelden validate: feil: disse argumentene må oppgis: file" in missing.stderr
    english = run_cli("--language", "en", "finnesikke", env=NO_CHOICE)
    assert english.returncode == 2 and "error: argument COMMAND: invalid choice" in english.stderr


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from _parsers(child)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_command_s_help_comes_from_the_catalogue(lang: str) -> None:
    """Each help and description of every (sub)command is the catalogue's text in ``lang``."""
    texts = {HELP.text(code, lang).replace("%", "%%") for code in HELP}  # type: ignore[arg-type]
    output.set_language(lang)
    argparse_words.install(output.current())
    try:
        parser = cli.build_parser()
        problems = []
        seen = 0
        for each in _parsers(parser):
            seen += 1
            if each.description is not None and each.description not in texts:
                problems.append(f"{each.prog}: description {each.description!r}")
            for action in each._actions:
                if isinstance(action, argparse._SubParsersAction):
                    helps = [a.help for a in action._choices_actions]
                else:
                    helps = [action.help]
                for text in helps:
                    if text is None and each.prog != "sjelden register-key add":  # refused
                        problems.append(f"{each.prog}: {action.dest} has no help")
                    if text is None or text == argparse.SUPPRESS:
                        continue
                    own = text in texts or text == argparse._("show this help message and exit")
                    if not own:
                        problems.append(f"{each.prog}: {text!r}")
            help_text = each.format_help()
            assert help_text.startswith("bruk: " if lang == "nb" else "usage: "), each.prog
        assert seen > 40 and not problems, "\n".join(problems)
    finally:
        output.set_language("nb")
        argparse_words.install("en")


def test_the_argparse_table_holds_argparse_s_own_msgids() -> None:
    """A msgid argparse does not use would never be looked up: the table must match it."""
    msgids: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if node.func.id == "_" and args:
                msgids.add(args[0])
            elif node.func.id == "ngettext" and len(args) >= 2:
                plurals.add((args[0], args[1]))
    assert set(argparse_words.BOKMAL) <= msgids
    assert set(argparse_words.BOKMAL_PLURAL) <= plurals
    for shown in ("usage: ", "options", "positional arguments", "%(prog)s: error: %(message)s\n"):
        assert shown in argparse_words.BOKMAL
    for template, words in argparse_words.BOKMAL.items():
        assert sorted(_placeholders(template)) == sorted(_placeholders(words)), template


def _placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"%\([a-z_]+\)[sr]|%[sr]", text)
