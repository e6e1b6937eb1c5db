"""A headless Chromium driven over the DevTools protocol on a pipe (no selenium, no network
port): open a page, click, fill a field, read the DOM and the console errors.

Chromium reads JSON commands, each ended by a NUL, on fd 3 and answers on fd 4
(``--remote-debugging-pipe``); one page target is attached in flat-session mode.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import time


class Browser:
    def __init__(self, chromium: str, profile_dir: str):
        to_child, self._w = os.pipe()
        self._r, from_child = os.pipe()

        def fds():  # in the child: the pipe ends at the numbers Chromium expects
            a, b = os.dup(to_child), os.dup(from_child)
            for src, dst in ((a, 3), (b, 4)):
                if src != dst:
                    os.dup2(src, dst)
                os.set_inheritable(dst, True)

        self.proc = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile_dir}",
                "about:blank",
            ],
            preexec_fn=fds,
            close_fds=False,  # Python's own descriptors are not inheritable (PEP 446)
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_child)
        os.close(from_child)
        self._id, self._buf, self.events = 0, b"", []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=True)

    # ------------------------------------------------------------ protocol
    def call(self, method: str, session: bool = False, **params) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._next(30)
            if m.get("id") == self._id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def _next(self, timeout: float) -> dict:
        end = time.monotonic() + timeout
        while b"\0" not in self._buf:
            left = end - time.monotonic()
            if left <= 0 or not select.select([self._r], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._r, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        return json.loads(raw)

    def _wait_load(self, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while True:
            if any(e.get("method") == "Page.loadEventFired" for e in self.events):
                self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
                return
            self.events.append(self._next(max(0.1, end - time.monotonic())))

    # ------------------------------------------------------------ what a user does
    def open(self, url: str) -> None:
        self.events = []
        self.call("Page.navigate", session=True, url=url)
        self._wait_load()

    def js(self, expression: str):
        r = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(r["exceptionDetails"])
        return r["result"].get("value")

    def click(self, selector: str) -> None:
        """Click an element that navigates (a link, a submit button) and wait for the page."""
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.js(f"document.querySelector({json.dumps(selector)}).click()")
        self._wait_load()

    def fill(self, selector: str, value: str) -> None:
        self.js(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")

    def url(self) -> str:
        return self.js("location.pathname + location.search")

    def console_errors(self) -> list[str]:
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(str(p.get("exceptionDetails", {}).get("text")))
            elif e.get("method") == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
                out.append(p["entry"].get("text", ""))
            elif e.get("method") == "Runtime.consoleAPICalled" and p.get("type") == "error":
                out.append(str(p.get("args")))
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self._w)
        os.close(self._r)
