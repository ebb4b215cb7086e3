"""SVG snapshots at fixed sizes: the main screen, the claims matrix and the inspector.

Update after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
then look at the report before committing.
"""

from pilot_helpers import seed_app, wait_for_story


async def _loaded(pilot) -> None:
    await wait_for_story(pilot)


async def _on_the_77(pilot) -> None:
    await wait_for_story(pilot)
    await pilot.press("J", "J", "J")
    await pilot.pause()


def test_main_screen_100x30(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(100, 30), run_before=_loaded)


def test_main_screen_200x50(snap_compare):
    assert snap_compare(seed_app(), terminal_size=(200, 50), run_before=_on_the_77)


def test_claims_matrix(snap_compare):
    async def open_matrix(pilot):
        await wait_for_story(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(160, 40), run_before=open_matrix)


def test_claim_inspector(snap_compare):
    async def open_inspector(pilot):
        await _on_the_77(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(160, 40), run_before=open_inspector)


def test_claim_inspector_with_a_version_taken_out_and_a_word_diff(snap_compare):
    """x strikes the version through and marks it ✗; d shows what another version adds and drops."""
    async def judge_and_diff(pilot):
        await _on_the_77(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "x", "down", "down", "d")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(160, 40), run_before=judge_and_diff)


def test_help_in_the_light_theme(snap_compare):
    async def open_help(pilot):
        await wait_for_story(pilot)
        pilot.app.theme = "textual-light"
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(120, 40), run_before=open_help)


def test_main_screen_80x24(snap_compare):
    """One whole pane, the reports to its right counted on the edge, and ``? Help`` in the footer."""
    assert snap_compare(seed_app(), terminal_size=(80, 24), run_before=_loaded)


def test_quit_dialog_is_a_compact_box(snap_compare):
    async def ask_to_quit(pilot):
        await wait_for_story(pilot)
        await pilot.press("m", "q")
        await pilot.pause()

    assert snap_compare(seed_app(), terminal_size=(100, 30), run_before=ask_to_quit)
