"""The actor page's overview: quotes and events per month, stances over time, and the actors
it acts on and is acted on by. Counts come from SQL over the actor's own ids: per month from
the (actor, date) indexes alone (0022), never reading the rows or their articles."""

from __future__ import annotations

from urllib.parse import quote

from newsledger.web.charts import bars, months, stance_points
from newsledger.web.html import actor_link, esc, href, table


def monthly(store, sql: str, actor_id: str) -> dict[str, int]:
    return {r["month"]: r["n"] for r in store.query(sql, (actor_id,)) if r["month"]}


QUOTES_BY_MONTH = (
    "SELECT substr(q.sort_date, 1, 7) AS month, COUNT(*) AS n "
    "FROM quotes q WHERE q.speaker_id = ? "
    "AND length(q.sort_date) >= 7 GROUP BY month"
)
EVENTS_BY_MONTH = (
    "SELECT month, SUM(n) AS n FROM (SELECT substr(sort_date, 1, 7) AS month, COUNT(*) AS n "
    "FROM events WHERE source_id = ?1 AND length(sort_date) >= 7 GROUP BY month UNION ALL "
    "SELECT substr(sort_date, 1, 7), COUNT(*) FROM events WHERE target_id = ?1 "
    "AND source_id IS NOT ?1 AND length(sort_date) >= 7 GROUP BY 1) GROUP BY month"
)
PARTNERS = (
    "SELECT target_id AS id, target_name AS name, 'acts on' AS how, COUNT(*) AS n, "
    "GROUP_CONCAT(DISTINCT type) AS types FROM events WHERE source_id = ?1 AND "
    "target_id IS NOT NULL AND target_id != ?1 GROUP BY target_id "
    "UNION ALL SELECT source_id, source_name, 'acted on by', COUNT(*), "
    "GROUP_CONCAT(DISTINCT type) FROM events WHERE target_id = ?1 AND "
    "source_id IS NOT NULL AND source_id != ?1 GROUP BY source_id ORDER BY 4 DESC LIMIT 12"
)


def activity(store, actor: dict) -> str:
    """Bars per month for quotes and for events; each bar lists that month's records."""
    q = monthly(store, QUOTES_BY_MONTH, actor["id"])
    e = monthly(store, EVENTS_BY_MONTH, actor["id"])
    if not q and not e:
        return ""
    span = months(min([*q, *e]), max([*q, *e]))
    name = actor["name"]
    # "YYYY-MM" as `until` takes in the whole month (store.queries.date_window)
    qs = [(m, q.get(m, 0), href("/quotes", speaker=name, since=m, until=m)) for m in span]
    es = [(m, e.get(m, 0), href("/events", actor=name, since=m, until=m, mode="all")) for m in span]
    out = []
    if q:
        out += ["<h3>Quotes per month</h3>", bars(qs, label=f"quotes of {name} per month")]
    if e:
        out += ["<h3>Events per month</h3>", bars(es, label=f"events of {name} per month", css="bar events")]
    return "".join(out)


def stances(rows: list[dict], actor: dict) -> str:
    """One chart per tracked issue; each point links to the statement's article."""
    by_issue: dict[str, list[dict]] = {}
    for r in rows:
        key = r.get("doc_id") or r.get("doc_name") or ""
        by_issue.setdefault(r.get("issue") or "?", []).append(
            {
                "date": r.get("date") or r.get("published"),
                "stance": r.get("stance"),
                "text": r.get("text"),
                "href": f"/article/{quote(str(key), safe='')}",
            }
        )
    return "".join(
        f"<h3>Stance on {esc(issue)}</h3>" + stance_points(pts, label=f"stance of {actor['name']} on {issue}")
        for issue, pts in sorted(by_issue.items())
    )


def partners(store, actor: dict) -> str:
    rows = store.query(PARTNERS, (actor["id"],))
    return table(
        rows,
        [
            ("actor", lambda r: actor_link(r["name"], r["id"])),
            ("how", "how"),
            ("events", "n"),
            ("types", "types"),
        ],
        empty="no events with another actor",
    )
