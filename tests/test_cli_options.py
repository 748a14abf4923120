"""The lint command's options come from one table (cli.LINT_OPTIONS): each row must parse
as the kind of option it says it is, and a bad value is a usage error, not a traceback."""
from __future__ import annotations

import pytest

from newslint import cli


def test_every_switch_is_off_by_default_and_on_when_given() -> None:
    parser = cli.build_parser()
    switches = [flags.split()[0] for flags, value, _ in cli.LINT_OPTIONS if not value]
    assert "--fix" in switches and "--quiet" in switches
    for flag in switches:
        dest = flag.lstrip("-").replace("-", "_")
        assert getattr(parser.parse_args([]), dest) is False, flag
        assert getattr(parser.parse_args([flag]), dest) is True, flag


def test_valued_options_store_their_value_through_their_converter() -> None:
    args = cli.build_parser().parse_args(
        ["--select", "NL1, NL201", "--ignore", "NL3", "--jobs", "auto", "-o", "r.json", "--date", "2025-03-04"])
    assert args.select == ("NL1", "NL201") and args.ignore == ("NL3",)
    assert args.jobs == 0 and args.output == "r.json" and args.date == "2025-03-04"
    assert cli.build_parser().parse_args([]).ignore == ()


@pytest.mark.parametrize("argv", [["--fail-on", "sometimes"], ["--jobs", "-3"], ["--date"]])
def test_a_bad_option_value_exits_2_with_a_message(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_help_lists_every_option_of_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    shown = capsys.readouterr().out
    for flags, _, text in cli.LINT_OPTIONS:
        assert flags.split()[0] in shown
        assert text.split()[0] in shown
