"""The HTML report opened in a real headless browser (Debian chromium): it renders, the heat maps have their
size and colours, and no script error reaches the console.

The test set-up installs chromium with apt-get when it is missing and the tests run as root. When it cannot
(not root, no network), the test FAILS with the reason: a report nobody saw render is not tested. Deselect
with `-m 'not browser'`.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CABLES, SEED
from tipcheck.cli.main import app
from tipcheck.formatters.report_html import COLOURS, NOT_ASKED_COLOUR

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1200, 2000
INSTALL_TIMEOUT = 900  # seconds; apt-get fetches about 100 MB
RUN_TIMEOUT = 120


def _install_chromium() -> None:
    if os.geteuid() != 0:
        pytest.fail(f"{CHROMIUM} is missing and the tests do not run as root, so they cannot install it: run "
                    "'apt-get install -y chromium' as root, or deselect these tests with -m 'not browser'")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        try:
            proc = subprocess.run(command, capture_output=True, text=True, timeout=INSTALL_TIMEOUT, env=env,
                                  check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.fail(f"cannot install chromium: {' '.join(command)}: {exc}")
        if proc.returncode != 0:
            last = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
            pytest.fail(f"cannot install chromium (no network?): {' '.join(command)} exited "
                        f"{proc.returncode}: {last}")
    if not CHROMIUM.exists():
        pytest.fail(f"apt-get installed chromium but {CHROMIUM} is still missing")


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        _install_chromium()
    return CHROMIUM


def _run_chromium(binary: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(binary), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {RUN_TIMEOUT}s: {' '.join(command)}")


def _png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the decompressed image data of a PNG file, read by hand (no imaging library)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    pos, width, height, idat = 8, 0, 0, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    return width, height, zlib.decompress(idat)


class _Dom(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.heatmaps: dict[str, dict[str, str | None]] = {}
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "table" and "heatmap" in (a.get("class") or ""):
            self.heatmaps[a.get("id") or ""] = a


# The report ships no script. This one, put into a copy of the page for the test, measures each heat map as
# rendered into data attributes, so that the dumped DOM shows the page really rendered (size, cell colours),
# and records any script error.
_MEASURE = """
(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push(String(e.message)); document.body.setAttribute('data-js-errors', errors.join(' | '));
  });
  document.querySelectorAll('table.heatmap').forEach(function (table) {
    var box = table.getBoundingClientRect(), colours = {}, cells = table.querySelectorAll('td[data-status]');
    cells.forEach(function (cell) {
      var status = cell.getAttribute('data-status'), colour = getComputedStyle(cell).backgroundColor;
      colours[status] = colours[status] || [];
      if (colours[status].indexOf(colour) < 0) { colours[status].push(colour); }
    });
    table.setAttribute('data-rendered', JSON.stringify(
      {width: Math.round(box.width), height: Math.round(box.height), cells: cells.length, colours: colours}));
  });
  document.body.setAttribute('data-script-ran', 'yes');
})();
"""


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "report"
    result = CliRunner().invoke(app, ["report", str(SEED), str(CABLES / "09REYKJAVIK49.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.with_name("report.html")
    shipped = page.read_text(encoding="utf-8")
    assert "<script" not in shipped  # no test instrumentation in what users get
    measured = page.with_name("measured.html")
    measured.write_text(shipped.replace("</body>", f"<script>{_MEASURE}</script></body>"), encoding="utf-8")
    return measured


def test_screenshot_is_a_rendered_page(chromium: Path, report_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    proc = _run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", report_page.as_uri())
    assert shot.exists(), f"no screenshot; chromium said: {proc.stderr[-500:]}"
    assert shot.stat().st_size > 30_000  # a blank 1200x2000 page compresses to a few KB
    width, height, pixels = _png(shot)
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(set(pixels)) > 100  # text and coloured cells, not one flat colour


def test_heat_maps_render_with_the_status_colours_and_no_console_errors(chromium: Path, report_page: Path,
                                                                         tmp_path: Path) -> None:
    proc = _run_chromium(chromium, tmp_path / "profile", "--enable-logging=stderr", "--v=0", "--dump-dom",
                         report_page.as_uri())
    dom = _Dom(proc.stdout)
    assert dom.body.get("data-script-ran") == "yes", "the report's script did not run"
    assert "data-js-errors" not in dom.body, dom.body.get("data-js-errors")
    console = [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]
    assert console == [], console
    assert set(dom.heatmaps) == {"heatmap-0", "heatmap-1"}
    for heatmap in dom.heatmaps.values():
        rendered = json.loads(heatmap["data-rendered"] or "{}")
        assert rendered["cells"] == 5 * 13  # the 2009 questionnaire's five sections x letters A-M
        # 14 columns of 2.2rem cells and a section-name column: wider than 400 px, one row per section
        assert 400 < rendered["width"] < WIDTH and 5 * 30 < rendered["height"] < 600
        for status, colours in rendered["colours"].items():
            assert colours == [_rgb({**COLOURS, "na": NOT_ASKED_COLOUR}[status])], status
    seed_colours = json.loads(dom.heatmaps["heatmap-0"]["data-rendered"] or "{}")["colours"]
    assert {"answered", "missing", "na"} <= set(seed_colours)  # the seed answers some questions, not all
