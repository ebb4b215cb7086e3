"""The pane's component classes are written once (tui/components.py): the pane declares them all,
the stylesheet styles every one, and the layout and the legend use no other."""

from importlib.resources import files

from sahel_reader.tui.components import PANE_COMPONENTS
from sahel_reader.tui.screens.help import _LEGEND
from sahel_reader.tui.widgets.report_pane import ReportPane


def test_the_pane_declares_and_the_stylesheet_styles_every_component_class():
    stylesheet = (files("sahel_reader.styles") / "reader.tcss").read_text(encoding="utf-8")
    assert ReportPane.COMPONENT_CLASSES == set(PANE_COMPONENTS) and len(PANE_COMPONENTS) == 16
    assert [name for name in PANE_COMPONENTS if f".{name}" not in stylesheet] == []


def test_the_legend_and_the_claims_use_only_those_classes(seed_story):
    from sahel_reader.tui.layout import document_views

    used = {name for _, classes, _ in _LEGEND for name in classes}
    used |= {name for view in document_views(seed_story).values() for *_, classes in view.runs for name in classes}
    assert used and used <= set(PANE_COMPONENTS)
