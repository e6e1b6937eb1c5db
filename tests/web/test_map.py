"""The offline map: projection, TopoJSON decoding, escaping, and the /map page on a ledger."""

from __future__ import annotations

import re

import pytest

from newsledger.web import mapsvg
from tests.api.api_fixtures import ledger_client


def test_equirectangular_projection_corners_and_centre():
    assert mapsvg.project(-180, mapsvg.TOP) == (0.0, 0.0)
    assert mapsvg.project(180, mapsvg.BOTTOM) == (960.0, 480.0)
    assert mapsvg.project(0, 0) == (480.0, round(84 / 144 * 480, 1))


def test_topojson_arcs_are_delta_decoded_and_reversed_by_negative_index():
    topo = {
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "arcs": [[[0, 0], [1, 0], [0, 1]], [[0, 0], [1, 1]]],
    }
    arcs = mapsvg.decode_arcs(topo)
    assert arcs == [[(10, 20), (11, 20), (11, 21)], [(10, 20), (11, 21)]]
    # arc 0, then arc 1 walked backwards: the shared end point is not repeated
    assert mapsvg.ring(arcs, [0, ~1]) == [(10, 20), (11, 20), (11, 21), (10, 20)]


def test_the_shipped_outlines_hold_every_country_once():
    names = [n for n, _ in mapsvg.countries()]
    assert len(names) == 177 and {"Iraq", "Peru", "France"} <= set(names)
    assert all(d.startswith("M") and d.endswith("Z") for _, d in mapsvg.countries())


def test_points_are_escaped_sized_and_linked():
    out = mapsvg.svg(
        [
            {"name": "<Tyre>", "lat": 33.27, "lon": 35.2, "count": 4},
            {"name": "Sidon", "lat": 33.56, "lon": 35.37, "count": 1},
        ]
    )
    circles = re.findall(
        r'<a href="([^"]+)"><circle class="point" cx="([\d.]+)" cy="([\d.]+)" '
        r'r="([\d.]+)"><title>([^<]*)</title>',
        out,
    )
    assert circles == [
        ("/actor/%3CTyre%3E", "573.9", "169.1", "14.5", "&lt;Tyre&gt;: 4"),
        ("/actor/Sidon", "574.3", "168.1", "8.5", "Sidon: 1"),
    ]
    assert "<Tyre>" not in out


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return ledger_client(tmp_path_factory, "map")[0]


def test_the_map_page_shows_the_places_the_reports_name(client):
    html = client.get("/map?show=places").text
    assert '<svg class="map"' in html
    listed = re.findall(r'<td>([A-Z][a-z]+)</td><td class="num">(\d+)</td>', html)
    assert listed == [("Lisbon", "1")]
    assert '<a href="/actor/Lisbon"><circle class="point" cx="455.' in html
    assert client.get("/map?show=nonsense").status_code == 422
