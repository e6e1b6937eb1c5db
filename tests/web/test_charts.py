"""SVG charts: bar geometry, stance placement, month ranges, escaping."""

from __future__ import annotations

import re

from newsledger.web.charts import bars, months, stance_points


def test_bars_are_scaled_to_the_largest_and_linked():
    out = bars([("2024-01", 2, "/e?m=1"), ("2024-02", 0, "/e?m=2"), ("2024-03", 4, "/e?m=3")], label="events")
    rects = re.findall(
        r'<a href="([^"]+)"><rect class="bar" x="([\d.]+)" y="([\d.]+)" '
        r'width="([\d.]+)" height="([\d.]+)"><title>([^<]+)</title>',
        out,
    )
    assert rects == [
        ("/e?m=1", "24.0", "80.0", "179.2", "56.0", "2024-01: 2"),
        ("/e?m=2", "248.0", "136.0", "179.2", "0.0", "2024-02: 0"),
        ("/e?m=3", "472.0", "24.0", "179.2", "112.0", "2024-03: 4"),
    ]
    assert bars([], label="x") == ""


def test_stances_are_placed_by_date_and_side_and_escaped():
    out = stance_points(
        [
            {"date": "2024-01-01", "stance": "against", "href": "/a", "text": "<no>"},
            {"date": "2024-01-11", "stance": "favour", "href": "/b", "text": "yes"},
            {"date": None, "stance": "favour", "href": "/c", "text": "undated"},
        ],
        label="stance",
    )
    pts = re.findall(r'<circle class="stance-(\w+)" cx="([\d.]+)" cy="([\d.]+)"', out)
    assert pts == [("against", "24.0", "119.2"), ("favour", "696.0", "40.8")]
    assert "&lt;no&gt;" in out and "<no>" not in out and "undated" not in out


def test_months_cover_the_span_including_quiet_ones():
    assert months("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert months("2024-05", "2024-05") == ["2024-05"]
