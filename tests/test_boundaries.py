"""The UI-free core stays UI-free: importing any of its modules never imports Textual (or Rich),
and the highlighters import nothing else of the project."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = [f"sahel_reader.{folder}.{module.name}" for folder in ("story", "highlighters")
        for module in pkgutil.iter_modules([str(ROOT / folder)])]


def test_the_list_of_core_modules_is_the_folders_own():
    assert "sahel_reader.story.session" in CORE and "sahel_reader.highlighters.numbers" in CORE
    assert len(CORE) == len(list((ROOT / "story").glob("*.py"))) + len(list((ROOT / "highlighters").glob("*.py"))) - 2


def test_no_module_of_the_core_imports_textual_or_rich():
    code = ("import sys, importlib\n"
            f"for name in {CORE + ['sahel_reader.cli']!r}:\n"
            "    importlib.import_module(name)\n"
            "    if 'textual' in sys.modules or 'rich' in sys.modules:\n"
            "        print(name); break\n"
            "else:\n"
            "    print('none')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "none", f"{result.stdout.strip()} imports Textual or Rich"


@pytest.mark.parametrize("module", ["sahel_reader.story", "sahel_reader.highlighters", "sahel_reader.cli"])
def test_importing_a_package_alone_does_not_import_textual(module):
    code = (f"import sys, importlib; importlib.import_module({module!r}); "
            "print('textual' in sys.modules or 'rich' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_highlighters_import_nothing_of_the_rest_of_the_project():
    code = ("import sys, importlib, pkgutil, sahel_reader.highlighters as h; "
            "[importlib.import_module(f'sahel_reader.highlighters.{m.name}') for m in pkgutil.iter_modules(h.__path__)]; "
            "print(sorted(n for n in sys.modules if n.startswith('sahel_reader.') "
            "and not n.startswith('sahel_reader.highlighters')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
