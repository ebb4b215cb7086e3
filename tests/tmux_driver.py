"""The real `sahel-reader` command in tmux: readers started in windows of a tmux server of our own,
keys sent, screens read with capture-pane. Shared by the tmux tests."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

COMMAND = Path(sys.executable).with_name("sahel-reader")
SIZE_VARIABLES = ("COLUMNS", "LINES")
"""Left out of a reader's environment: the window gives its size. A parallel test worker (pytest-xdist) has them set to
80 by 24, and Textual takes them over the terminal's own size."""


class Tmux:
    """A tmux server of our own (its own socket), so nothing else in tmux is touched.

    Each reader runs in a session of its own, named ``reader`` unless told otherwise, with a home,
    key file folder and state folder of this server's own: no user's keys or recovery files leak in.
    """

    def __init__(self) -> None:
        self.socket = f"sahel-test-{uuid.uuid4().hex[:8]}"
        self.home = Path(tempfile.mkdtemp(prefix="sahel-tmux-home-"))

    def run(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return result.stdout

    def screen(self, name: str = "reader") -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def wait_for(self, text: str, timeout: float = 30, name: str = "reader") -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if text in screen:
                time.sleep(0.3)  # as a person would: look before typing into what just appeared
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen(name)}")

    def wait_for_toast(self, text: str, timeout: float = 30, name: str = "reader") -> str:
        """Wait until a notification says ``text``, however the toast wrapped it (its lines end where the path
        it names makes them end, and a parallel worker's paths are longer); the toasts' lines joined by spaces."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            said = toast_text(self.screen(name))
            if text in said:
                time.sleep(0.3)  # as in wait_for
                return said
            time.sleep(0.2)
        raise AssertionError(f"no toast said {text!r}; the screen was:\n{self.screen(name)}")

    def wait_gone(self, text: str, timeout: float = 30, name: str = "reader") -> str:
        """Wait until ``text`` has left the screen (a screen closed): what the next key needs, where a
        fixed sleep would be too short under load."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if text not in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never went; the screen was:\n{self.screen(name)}")

    def keys(self, *keys: str, name: str = "reader") -> None:
        """Key names (Enter, C-s, Tab, Escape) as keys; anything longer typed literally."""
        for key in keys:
            literal = len(key) > 1 and key not in ("Enter", "Tab", "Escape", "C-s", "C-u") and "-" not in key[:2]
            self.run("send-keys", "-t", name, *(["-l", key] if literal else [key]))
            time.sleep(0.15)

    def replace_field(self, text: str, name: str = "reader") -> str:
        """Clear the focused field and type ``text`` into it, as a person would: once the field is on
        screen with what it held, and looking that the end of ``text`` shows before going on."""
        self.run("send-keys", "-t", name, "C-u")
        self.run("send-keys", "-t", name, "-l", text)
        return self.wait_for(text[-24:], name=name)

    def keep_alive(self) -> None:
        """A session that outlives the readers: the server ends with its last session, and a
        reader killed while alone would take it down as the next one starts."""
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-s", "keeper", "sleep 600"],
                       check=True, timeout=20)

    def close(self) -> None:
        self.run("kill-server")
        shutil.rmtree(self.home, ignore_errors=True)


def toast_text(screen: str) -> str:
    """What the toasts on ``screen`` say, their lines joined by spaces: a toast's line is what is right of its
    left edge (``▌``) and left of the pane border it covers."""
    return " ".join(line.rsplit("▌", 1)[1].strip(" │") for line in screen.splitlines() if "▌" in line)


def start(tmux: Tmux, *args: str, env: dict[str, str] | None = None, name: str = "reader",
          pid_file: Path | None = None) -> None:
    """Run sahel-reader with ``args`` in a 160x45 tmux session; ``env`` is set for the command only.

    With ``pid_file`` the reader's process id is written there (the shell becomes the reader), so
    that a test can kill it as a crash would; otherwise ``EXITED <status>`` shows when it ends.
    """
    hermetic = {"HOME": str(tmux.home), "XDG_CONFIG_HOME": str(tmux.home / ".config"),
                "XDG_STATE_HOME": str(tmux.home / ".local" / "state")}
    settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in {**hermetic, **(env or {})}.items())
    command = " ".join([settings, str(COMMAND), *map(shlex.quote, args)]).strip()
    shell = f"echo $$ > {shlex.quote(str(pid_file))}; exec env {command}" if pid_file else \
        f"{command}; echo EXITED $?; sleep 5"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TMUX") and k not in SIZE_VARIABLES}
    subprocess.run(["tmux", "-L", tmux.socket, "new-session", "-d", "-x", "160", "-y", "45", "-s", name, shell],
                   check=True, env=environment, timeout=20)
