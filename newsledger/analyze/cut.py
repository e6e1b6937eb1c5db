"""The default cut of the cross-report pass ("window" blocks, migration 0023).

An article stands on the date line at its publication date and at the days its event
mentions and claims are dated to (reports of a 2020 vote published in 2021 and 2022 meet
there). Articles with points at most ``window`` days apart share a block, transitively;
``window`` is the largest date distance at which a linker still joins two articles
(stories, undated events, role and count claims), so a block never separates articles
that the date rules could link. A block larger than ``max_articles`` (dense news: every
day has articles, so no gap ever comes) is cut at calendar months of the articles'
dates instead, as ``--blocks month`` does, so that adding k articles redoes their month,
not the ledger. Articles with no date at all can link with anything by date; they are cut
by the order they were stored in (``rowid // max_articles``), so a batch of them lands in
one block with the undated articles stored just before it.

A block's name is a function of its members (first date, month, or chunk number), and
the cut is recomputed from every article's date on each pass (one indexed read), so an
incremental pass and a full rebuild cut the ledger alike.
"""

from __future__ import annotations

from datetime import date

from newsledger.analyze.common import UnionFind, data
from newsledger.extract.claims_rules import rules as claim_rules


def settings() -> tuple[int, int]:
    """(window in days, max articles per run of dated articles and per undated chunk)."""
    cfg = data()
    claims = claim_rules()
    window = max(
        cfg["stories"]["max_days_apart"],
        cfg["events"]["undated_max_days"],
        claims["role_window_days"],
        claims["count_window_days"],
        claims["date_conflict_days"],
    )
    return window, cfg["blocks"]["max_articles"]


def _day(published: str | None) -> date | None:
    """The first day a publication date can mean ('2021', '2021-12', '2021-12-25...')."""
    if not published:
        return None
    p = published[:10]
    try:
        if len(p) == 4:
            return date(int(p), 1, 1)
        if len(p) == 7:
            return date(int(p[:4]), int(p[5:7]), 1)
        return date.fromisoformat(p)
    except ValueError:
        return None


def _days(text: str | None) -> list[date]:
    out = []
    for p in (text or "").split(","):
        try:
            out.append(date.fromisoformat(p))
        except ValueError:
            pass
    return out


def assign(rows, window: int, max_articles: int) -> dict[str, str]:
    """{article id: block} for rows of (id, published, rowid, act days "YYYY-MM-DD,...").

    An article stands on the date line at its publication date and at each day its acts
    and claims are dated to ("a bill passed on January 3, 2020", told again in 2021):
    articles with points at most ``window`` days apart are one block, joined transitively."""
    out: dict[str, str] = {}
    points: list[tuple[date, str]] = []
    home: dict[str, date] = {}  # where a too-large block puts the article: its month
    for doc, published, rowid, days in rows:
        day, acts = _day(published), _days(days)
        if day is None and not acts:
            out[doc] = f"u:{rowid // max_articles}"
            continue
        home[doc] = day or min(acts)
        points.extend((p, doc) for p in {day, *acts} if p is not None)
    points.sort()
    uf = UnionFind(home)
    for (d1, a), (d2, b) in zip(points, points[1:]):
        if (d2 - d1).days <= window:
            uf.union(a, b)
    first = {}
    for p, doc in points:
        first.setdefault(uf.find(doc), p)
    for root, members in uf.groups().items():
        if len(members) <= max_articles:
            name = f"d:{first[root].isoformat()}"
            for doc in members:
                out[doc] = name
        else:  # dense: months (blocks are > window days apart, so no month has two)
            for doc in members:
                out[doc] = f"m:{home[doc].isoformat()[:7]}"
    return out


def _act_days(store, docs: list[str]) -> dict[str, str]:
    """{article: its acts' and claims' days to the day, "YYYY-MM-DD,..."} for ``docs``."""
    got: dict[str, set[str]] = {d: set() for d in docs}
    for k in range(0, len(docs), 500):
        part = docs[k : k + 500]
        marks = ", ".join("?" for _ in part)
        for doc, day in store.db.execute(
            f"SELECT doc_id, date FROM events WHERE doc_id IN ({marks}) AND length(date) = 10 "
            f"UNION SELECT doc_id, json_extract(attrs, '$.when') FROM claims WHERE doc_id IN ({marks}) "
            "AND length(json_extract(attrs, '$.when')) = 10",
            part + part,
        ):
            got[doc].add(day)
    return {d: ",".join(sorted(v)) for d, v in got.items()}


def update(store) -> int:
    """Recompute the cut (the act days of pending articles first); articles whose block
    changed are marked pending (their old and new blocks are redone), in one transaction.
    Returns how many moved."""
    window, max_articles = settings()
    with store.transaction():
        pending = [
            r[0]
            for r in store.db.execute(
                "SELECT p.doc_id FROM analysis_pending p JOIN documents d ON d.id = p.doc_id"
            )
        ]
        store.db.executemany(
            "INSERT INTO analysis_cut (doc_id, block, days) VALUES (?, '', ?) "
            "ON CONFLICT (doc_id) DO UPDATE SET days = excluded.days",
            list(_act_days(store, pending).items()),
        )
        rows = store.db.execute(
            "SELECT d.id, d.published, d.rowid, c.days, c.block FROM documents d "
            "LEFT JOIN analysis_cut c ON c.doc_id = d.id"
        ).fetchall()
        new = assign([r[:4] for r in rows], window, max_articles)
        moved = [(b, d) for d, _, _, _, old in rows if old != (b := new[d])]
        store.db.executemany("UPDATE analysis_cut SET block = ? WHERE doc_id = ?", moved)
        store.db.execute("DELETE FROM analysis_cut WHERE doc_id NOT IN (SELECT id FROM documents)")
        store.db.executemany("INSERT OR IGNORE INTO analysis_pending VALUES (?)", [(d,) for _, d in moved])
    return len(moved)
