"""Headless Chromium (Debian's ``chromium`` package) with no network: the browser test's eyes,
and the README's screenshot (``python -m lkjip_analysis.briefs.browser BRIEF.html OUT.png``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
    # no network at all: every connection goes to a closed local port, every name fails to resolve
    "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
    # let the page's scripts finish (vegaEmbed is asynchronous) before dumping or shooting
    "--virtual-time-budget=20000",
]


def find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_in_chromium(html: Path, *action: str, profile: Path | None = None) -> subprocess.CompletedProcess:
    """Chromium with a fresh profile on ``html`` and one action (--dump-dom, --screenshot=...)."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("Chromium not found: install Debian's `chromium` package (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="lkjip-chromium-") as fresh:
        return subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={profile or fresh}", *action, Path(html).resolve().as_uri()],
            capture_output=True, text=True, timeout=180, check=False,
        )


def screenshot(html: Path, png: Path, width: int = 1000, height: int = 1400) -> Path:
    open_in_chromium(html, f"--screenshot={Path(png).resolve()}", f"--window-size={width},{height}")
    if not Path(png).is_file():
        raise RuntimeError(f"Chromium wrote no screenshot of {html}")
    return Path(png)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m lkjip_analysis.briefs.browser BRIEF.html OUT.png")
    print(screenshot(Path(sys.argv[1]), Path(sys.argv[2])))
