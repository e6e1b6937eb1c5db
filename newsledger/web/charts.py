"""Charts as inline SVG: counts per period (bars) and stances over time (points).

No script and no library: the server draws them, every mark is a link to the records it counts,
and a <title> gives its value to screen readers and on hover.
"""

from __future__ import annotations

from newsledger.web.html import esc

W, H, PAD = 720, 160, 24
STANCE_Y = {"favour": 0.15, "neutral": 0.5, "against": 0.85}  # analyze/stance.py values


def bars(series: list[tuple[str, int, str]], *, label: str, css: str = "bar") -> str:
    """One bar per (period, count, link), in the order given; empty when there is nothing."""
    if not series:
        return ""
    top = max(c for _, c, _ in series) or 1
    step = (W - 2 * PAD) / len(series)
    width = max(1.0, step * 0.8)
    marks = []
    for i, (period, count, href) in enumerate(series):
        h = (H - 2 * PAD) * count / top
        x, y = PAD + i * step, H - PAD - h
        marks.append(
            f'<a href="{esc(href)}"><rect class="{css}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{width:.1f}" height="{h:.1f}"><title>{esc(period)}: {count}'
            f"</title></rect></a>"
        )
    axis = (
        f'<text x="{PAD}" y="{H - 6}" class="axis">{esc(series[0][0])}</text>'
        f'<text x="{W - PAD}" y="{H - 6}" class="axis" text-anchor="end">'
        f"{esc(series[-1][0])}</text>"
        f'<text x="{PAD}" y="{PAD - 8}" class="axis">max {top}</text>'
    )
    return (
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{esc(label)}">'
        + "".join(marks)
        + axis
        + "</svg>"
    )


def stance_points(points: list[dict], *, label: str) -> str:
    """Statements on one issue over time: {date, stance, href, text}; favour high, against low."""
    dated = sorted((p for p in points if p.get("date")), key=lambda p: p["date"])
    if not dated:
        return ""
    first, last = dated[0]["date"], dated[-1]["date"]
    days = _days(first, last) or 1
    marks = []
    for p in dated:
        x = PAD + (W - 2 * PAD) * _days(first, p["date"]) / days
        y = PAD + (H - 2 * PAD) * STANCE_Y.get(p["stance"], 0.5)
        marks.append(
            f'<a href="{esc(p["href"])}"><circle class="stance-{esc(p["stance"])}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="5"><title>{esc(p["date"])} '
            f"{esc(p['stance'])}: {esc(p.get('text'))}</title></circle></a>"
        )
    axis = "".join(
        f'<text x="4" y="{PAD + (H - 2 * PAD) * y + 4:.1f}" class="axis">{esc(s)}</text>'
        for s, y in STANCE_Y.items()
    )
    axis += (
        f'<text x="{PAD}" y="{H - 4}" class="axis">{esc(first)}</text>'
        f'<text x="{W - PAD}" y="{H - 4}" class="axis" text-anchor="end">{esc(last)}</text>'
    )
    return (
        f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{esc(label)}">'
        + axis
        + "".join(marks)
        + "</svg>"
    )


def _days(a: str, b: str) -> int:
    """Days from a to b for ISO dates of any precision (YYYY, YYYY-MM, YYYY-MM-DD)."""
    from datetime import date

    def parse(s: str) -> date:
        parts = [int(x) for x in s[:10].split("-")] + [1, 1]
        return date(parts[0], parts[1] or 1, parts[2] or 1)

    try:
        return (parse(b) - parse(a)).days
    except ValueError:
        return 0


def months(first: str, last: str) -> list[str]:
    """Every YYYY-MM from first to last, so quiet months show as gaps, not as nothing."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while (y, m) <= (int(last[:4]), int(last[5:7])) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
