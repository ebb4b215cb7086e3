"""The command line: a readable table by default, one clear sentence per bad input, exit codes."""

import pytest

from sahel_reader.cli import main


def test_claims_table_shows_each_fact_with_each_reports_figure(capsys):
    assert main(["claims"]) == 0
    out = capsys.readouterr().out
    assert "5 reports" in out
    toll = out[out.index("death toll"):]
    assert toll.splitlines()[0].rstrip().endswith("≠ CONFLICT")
    assert "almost 100" in toll and "in the 70s" in toll


def test_bad_paths_get_one_sentence_each_and_the_rest_still_runs(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("More than 70 people were killed on Tuesday.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    assert main(["claims", str(good), str(missing), str(empty)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "empty.txt" in errors[1]
    assert "1 report · 1 figure · 0 quotations · 0 linked facts" in captured.out


@pytest.mark.parametrize("command", ["claims", "timeline"])
def test_nothing_readable_prints_only_the_error(tmp_path, capsys, command):
    assert main([command, str(tmp_path / "nonexistent")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [f"sahel-reader: {tmp_path / 'nonexistent'}: file not found."]


def test_one_linked_fact_is_said_in_the_singular(tmp_path, capsys):
    for name, text in (("a.txt", "More than 70 people were killed on Tuesday.\n"),
                       ("b.txt", "Officials said 80 people were killed on Tuesday.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["claims", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 0
    assert "2 reports · 2 figures · 0 quotations · 1 linked fact (0 conflicting)" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["claims", "--no-such-option"])
    assert exit_info.value.code == 2


def test_escape_sequences_in_a_report_never_reach_the_terminal(tmp_path, capsys):
    report = tmp_path / "evil.txt"
    report.write_text("Title \x1b]52;c;ZXZpbA==\x07 77 people died \x1b[2J.\n"
                      "Another report said 77 people died \x1b[31m.\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Officials said 77 people died.\n", encoding="utf-8")
    main(["claims", str(report), str(other)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
