"""The reader's stylesheets, beside ``tui`` in the package as in the sources (``importlib.resources`` would
import zipfile first): the reader screen's, read as the app starts, and the modal screens', read once the
first frame is painted (the reader's screen uses none of its rules)."""

from pathlib import Path

READER_CSS = Path(__file__).with_name("reader.tcss")
MODAL_CSS = Path(__file__).with_name("screens.tcss")
