"""/map: where events happened and which places the reports name, on an offline world map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.api.app import open_ledger
from newsledger.store.queries import date_window
from newsledger.store.state import cached_within
from newsledger.web.html import counting, esc, form, page, table
from newsledger.web.mapsvg import svg

router = APIRouter(include_in_schema=False)
MAP_BUDGET = 0.15  # seconds the counts may take within a page view
GEO = "json_extract(en.attrs, '$.geo.lat') AS lat, json_extract(en.attrs, '$.geo.lon') AS lon"


def event_points(store, type_: str | None, since: str | None, until: str | None) -> list[dict]:
    """Event locations with coordinates, counted: {name, lat, lon, count}."""
    where, params = ["e.location IS NOT NULL"], []
    if type_:
        where.append("e.type = ?")
        params.append(type_.upper())
    date_window(where, params, "e.sort_date", since, until)
    rows = store.query(
        f"SELECT e.location AS name, COUNT(*) AS count, {GEO} FROM events e "
        "JOIN entities en ON en.name = e.location "
        f"WHERE {' AND '.join(where)} GROUP BY e.location",
        params,
    )
    return [r for r in rows if r["lat"] is not None and r["lon"] is not None]


def place_points(store, since: str | None, until: str | None) -> list[dict]:
    """Places the reports name, with coordinates, by the number of articles naming them."""
    where, params = ["m.label IN ('GPE', 'LOC', 'FAC')"], []
    date_window(where, params, "d.published", since, until)
    # the articles are read only for their dates
    docs = "JOIN documents d ON d.id = m.doc_id " if since or until else ""
    rows = store.query(
        f"SELECT en.name AS name, COUNT(DISTINCT m.doc_id) AS count, {GEO} FROM mentions m "
        f"{docs}JOIN entities en ON en.id = m.entity_id "
        f"WHERE {' AND '.join(where)} GROUP BY en.id",
        params,
    )
    return [r for r in rows if r["lat"] is not None and r["lon"] is not None]


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request,
    show: Annotated[str, Query(pattern="^(events|places)$")] = "events",
    type: str = "",
    since: str = "",
    until: str = "",
):
    with open_ledger(request) as led:

        def count(store) -> list[dict]:
            if show == "places":
                return place_points(store, since or None, until or None)
            return event_points(store, type or None, since or None, until or None)

        # counted over every event or mention: within a time budget, else finished in the
        # background and shown from the next view of this ledger state (store/state.py)
        points = cached_within(led.store, ("map", show, type, since, until), count, MAP_BUDGET)
    params = dict(show=show, type=type, since=since, until=until)
    controls = form(
        "/map",
        [
            ("show", "events or places", "text"),
            ("type", "event type", "text"),
            ("since", "since YYYY-MM-DD", "text"),
            ("until", "until YYYY-MM-DD", "text"),
        ],
        params,
    )
    if points is None:
        return page("Map", controls + counting("still counting the places: reload in a moment"))
    what = "articles naming it" if show == "places" else "events there"
    rows = sorted(points, key=lambda p: -p["count"])
    listing = table(
        rows,
        [("place", "name"), (what, "count"), ("lat, lon", lambda r: esc(f"{r['lat']:.2f}, {r['lon']:.2f}"))],
        empty="no geocoded places for these filters",
    )
    return page("Map", controls + svg(points) + listing)
