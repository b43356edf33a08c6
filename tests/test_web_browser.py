"""`zelftest web` in real headless Chromium: tapping a web address on screen opens nothing in
the kiosk, and elsewhere only after the visitor agrees.

Chromium is driven over its DevTools protocol with aiohttp (no Playwright needed). Every host
but 127.0.0.1 resolves to nothing, so no test traffic leaves the machine. Skipped, with the
reason, when the Debian `chromium` package is absent.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest
from test_web import free_port, serve

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd (apt-get install chromium)")

# Test-only: catch textual.js's terminal object as it is built, so the test can read the screen's
# text (xterm draws on a canvas; there is no text in the page to query).
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "weblinksAddon", {
  configurable: true,
  set(value) {
    window.__owner = this;
    Object.defineProperty(this, "weblinksAddon", {value, writable: true, configurable: true});
  },
});
window.__screen = () => {
  const term = window.__owner.terminal, buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) rows.push(buffer.getLine(buffer.viewportY + y).translateToString());
  const box = term.element.querySelector(".xterm-screen").getBoundingClientRect();
  return {rows, cols: term.cols, x: box.left, y: box.top, w: box.width / term.cols, h: box.height / term.rows};
};
"""


class DevTools:
    """A minimal DevTools client on one page: commands, and the events seen so far."""

    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket, self.ids, self.events = socket, itertools.count(1), list[dict[str, Any]]()
        self.accept_dialogs = False  # a confirm() blocks the page until it is answered

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads((await asyncio.wait_for(self.socket.receive(), timeout=30)).data)
            if message.get("id") == number:
                assert "error" not in message, message
                return dict(message.get("result", {}))
            self.events.append(message)
            if message.get("method") == "Page.javascriptDialogOpening":
                answer = {"id": next(self.ids), "method": "Page.handleJavaScriptDialog"}
                await self.socket.send_str(json.dumps({**answer, "params": {"accept": self.accept_dialogs}}))

    async def value(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    async def wait_for(self, expression: str, seconds: float = 30) -> Any:
        deadline = time.monotonic() + seconds
        while not (found := await self.value(expression)):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            await asyncio.sleep(0.2)
        return found


@asynccontextmanager
async def chromium_page(url: str) -> AsyncIterator[tuple[DevTools, aiohttp.ClientSession, str]]:
    port = free_port()
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        browser = subprocess.Popen(
            [
                str(CHROMIUM),
                "--headless=new",
                "--no-sandbox",
                f"--remote-debugging-port={port}",
                f"--user-data-dir={profile}",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--window-size=1000,700",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            async with aiohttp.ClientSession() as client:
                base = f"http://127.0.0.1:{port}"
                for _ in range(150):
                    try:
                        async with client.get(f"{base}/json/list") as answer:
                            pages = [t for t in await answer.json() if t["type"] == "page"]
                        if pages:
                            break
                    except aiohttp.ClientError:
                        pass
                    await asyncio.sleep(0.2)
                async with client.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as socket:
                    page = DevTools(socket)
                    await page.send("Page.enable")
                    await page.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
                    await page.send("Page.navigate", url=url)
                    yield page, client, base
        finally:
            browser.terminate()
            browser.wait(timeout=20)


async def pages_open(client: aiohttp.ClientSession, base: str) -> list[str]:
    async with client.get(f"{base}/json/list") as answer:
        return [t["url"] for t in await answer.json() if t["type"] == "page"]


# Web addresses as an app could show them (xterm's link addon makes each a link). Each goes on
# its own blank row of the welcome screen just before its tap, because the app repaints the
# rows it touches (the app's own texts no longer carry one in the kiosk).
ADDRESSES = ["https://www.vdab.be/loopbaanbegeleiding", "https://werk.belgie.be"]
ROW = 3
# In the kiosk, below its language buttons (a button repaints the row when the pointer is on it).
KIOSK_ROW = 9


def dialogs(page: DevTools) -> list[dict[str, Any]]:
    return [e for e in page.events if e.get("method") == "Page.javascriptDialogOpening"]


async def tap_every_address(page: DevTools, first_row: int = ROW, asks: bool = False) -> int:
    """Hover and click each address on screen, then let the app ask to open one (its
    open_url); how many addresses were tapped. `asks`: each tap must bring a confirm(); a tap
    that brought none (the app repainted the row under the pointer) is tried again, at most
    three times, so a lost click is not taken for a link that opens without asking."""
    await page.wait_for("window.__owner && document.body.classList.contains('-first-byte')")
    await asyncio.sleep(2)
    tapped = 0
    for number, address in enumerate(ADDRESSES):
        row = first_row + 2 * number
        for _ in range(3 if asks else 1):
            before = len(dialogs(page))
            await tap(page, row, address)
            deadline = time.monotonic() + 3
            while asks and len(dialogs(page)) == before and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
                await page.value("1")  # reads the events that came meanwhile
            if len(dialogs(page)) > before or not asks:
                break
        tapped += 1
    # textual.js answers the app's "open_url" message with exactly this call.
    await page.value("void window.open('https://www.vdab.be/', '_blank')")
    return tapped


async def tap(page: DevTools, row: int, address: str) -> None:
    """Write `address` on `row`, wait until xterm shows the pointer over it, click it."""
    await page.send("Input.dispatchMouseEvent", type="mouseMoved", x=1, y=1)  # away from the last link
    await page.value(f"window.__owner.terminal.write('\\x1b[{row + 1};1H {address}   ')")
    screen = await page.wait_for(f"(s => s.rows[{row}].includes('https://') && s)(window.__screen())", 10)
    x = screen["x"] + 10.5 * screen["w"]
    y = screen["y"] + (row + 0.5) * screen["h"]
    hovered = "document.querySelector('.xterm-cursor-pointer') !== null"
    for attempt in range(30):  # xterm finds a link while the pointer moves over it
        await page.send("Input.dispatchMouseEvent", type="mouseMoved", x=x + attempt % 10 * 3, y=y)
        await asyncio.sleep(0.1)
        if await page.value(hovered):
            break
    assert await page.value(hovered), f"xterm never saw a link in {address}"
    for kind in ("mousePressed", "mouseReleased"):
        await page.send("Input.dispatchMouseEvent", type=kind, x=x + attempt % 10 * 3, y=y, button="left", clickCount=1)
    await asyncio.sleep(1)


def test_in_the_kiosk_no_address_on_screen_opens_anything() -> None:
    with serve("--kiosk") as (_, port):

        async def visit() -> None:
            own = f"http://127.0.0.1:{port}/?fontsize=16"
            async with chromium_page(own) as (page, client, base):
                assert await tap_every_address(page, KIOSK_ROW) == 2
                await asyncio.sleep(1)
                assert await pages_open(client, base) == [own]
                assert await page.value("location.href") == own
                assert not [e for e in page.events if e.get("method") == "Page.javascriptDialogOpening"]

        asyncio.run(visit())


def test_outside_the_kiosk_an_address_opens_only_after_yes() -> None:
    with serve() as (_, port):

        async def visit() -> None:
            own = f"http://127.0.0.1:{port}/?fontsize=16"
            async with chromium_page(own) as (page, client, base):
                page.events.clear()  # every confirm() is answered "no": nothing may open
                tapped = await tap_every_address(page, asks=True)
                await page.value("1")  # reads the last events
                asked = dialogs(page)
                assert tapped == 2 and len(asked) >= 3, (tapped, asked)  # both taps and open_url ask
                assert all(e["params"]["type"] == "confirm" for e in asked)
                assert "Deze link opent een andere pagina:\nhttps://www.vdab.be/" in asked[0]["params"]["message"]
                assert await pages_open(client, base) == [own]
                page.accept_dialogs = True  # and "yes" does open it, in a page of its own
                await page.value("void window.open('https://www.vdab.be/', '_blank')")
                await asyncio.sleep(1)
                assert len(await pages_open(client, base)) == 2

        asyncio.run(visit())
