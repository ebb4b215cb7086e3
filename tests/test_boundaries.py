"""The UI-free core stays UI-free: importing it never imports Textual."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["sahel_reader.story", "sahel_reader.highlighters",
                                    "sahel_reader.story.analysis", "sahel_reader.story.documents",
                                    "sahel_reader.story.table", "sahel_reader.cli"])
def test_importing_the_core_does_not_import_textual(module):
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "import sahel_reader.highlighters.numbers, sahel_reader.story.claims; "
            "print('textual' in sys.modules or 'rich' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_highlighters_import_nothing_of_the_rest_of_the_project():
    code = ("import sys, importlib, pkgutil, sahel_reader.highlighters as h; "
            "[importlib.import_module(f'sahel_reader.highlighters.{m.name}') for m in pkgutil.iter_modules(h.__path__)]; "
            "print(sorted(n for n in sys.modules if n.startswith('sahel_reader.') and not n.startswith('sahel_reader.highlighters')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
