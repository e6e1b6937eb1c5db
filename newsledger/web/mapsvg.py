"""A world map as SVG, offline: TopoJSON country outlines in an equirectangular projection.

Points (places with coordinates) are drawn over it as circles whose area follows their count.
Pure functions: the caller gives the points; nothing here reads the ledger.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from urllib.parse import quote

from newsledger.web.html import esc, href

WIDTH, HEIGHT = 960, 480  # 360 x 180 degrees, 2.67 px per degree
TOP, BOTTOM = 84.0, -60.0  # the latitudes drawn (Antarctica left out)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular: honest about distances along parallels, and needs no library."""
    x = (lon + 180.0) / 360.0 * WIDTH
    y = (TOP - lat) / (TOP - BOTTOM) * HEIGHT
    return round(x, 1), round(y, 1)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs (quantized, delta-encoded) as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    """A ring from arc indexes; a negative index ~i is arc i reversed (TopoJSON's rule)."""
    pts: list[tuple[float, float]] = []
    for i in indexes:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a[1:] if pts else a)
    return pts


def path_d(rings: list[list[tuple[float, float]]]) -> str:
    out = []
    for r in rings:
        xy = [project(lon, max(BOTTOM, min(TOP, lat))) for lon, lat in r]
        # A ring crossing the antimeridian would draw a line across the map: skip its jumps.
        parts, prev = [], None
        for x, y in xy:
            cmd = "M" if prev is None or abs(x - prev) > WIDTH / 2 else "L"
            parts.append(f"{cmd}{x},{y}")
            prev = x
        out.append("".join(parts) + "Z")
    return "".join(out)


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, str], ...]:
    """(country name, SVG path) for each country of the shipped outlines."""
    data = resources.files("newsledger.web").joinpath("data", "countries-110m.json").read_text()
    topo = json.loads(data)
    arcs = decode_arcs(topo)
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        rings = [ring(arcs, r) for poly in polys for r in poly]
        out.append((g.get("properties", {}).get("name", ""), path_d(rings)))
    return tuple(out)


def svg(points: list[dict], *, link_path: str = "/actor") -> str:
    """The map with one circle per point: {name, lat, lon, count}; each links to its place."""
    shapes = [f'<path class="country" d="{d}"><title>{esc(n)}</title></path>' for n, d in countries()]
    top = max((p["count"] for p in points), default=1)
    for p in sorted(points, key=lambda p: -p["count"]):  # big ones under small ones
        x, y = project(p["lon"], p["lat"])
        r = 2.5 + 12 * math.sqrt(p["count"] / top)
        target = href(f"{link_path}/" + quote(str(p["name"]), safe=""))
        shapes.append(
            f'<a href="{target}"><circle class="point" '
            f'cx="{x}" cy="{y}" r="{r:.1f}"><title>{esc(p["name"])}: '
            f"{esc(p['count'])}</title></circle></a>"
        )
    return (
        f'<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="map of places">{"".join(shapes)}</svg>'
    )
