"""The default cut of the cross-report pass ("window" blocks, migration 0023).

An article stands on the date line at its publication date and at the days its event
mentions and claims are dated to (reports of a 2020 vote published in 2021 and 2022 meet
there). Articles with points at most ``window`` days apart share a block, transitively;
``window`` is the largest date distance at which a linker still joins two articles
(stories, undated events, role and count claims), so a block never separates articles
that the date rules could link. A block larger than ``max_articles`` (dense news: every
day has articles, so no gap ever comes) is cut at calendar months of the articles'
dates instead, as ``--blocks month`` does, and a month still too large at weeks, then
days, so that adding k articles redoes a period of at most about ``max_articles``
articles whatever the ledger's size or density. Articles with no date at all can link
with anything by date; they are cut by the order they were stored in (``rowid //
max_articles``), so a batch of them lands in one block with the undated articles stored
just before it.

A block's name is a function of its members (first date, month, or chunk number), and
the cut is recomputed from every article's date on each pass (one indexed read), so an
incremental pass and a full rebuild cut the ledger alike.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from newsledger.analyze.common import data
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


def place(published: str | None, acts: str | None) -> tuple[int | None, str]:
    """(the article's home day: its publication date, else its first act day, as an
    ordinal; "ordinal ..." of its points: that date and the act days "YYYY-MM-DD,..."),
    what ``analysis_cut`` keeps. A block too large to redo whole is cut by home days."""
    day = _day(published)
    pts = {day.toordinal()} if day else set()
    for p in (acts or "").split(","):
        try:
            pts.add(date.fromisoformat(p).toordinal())
        except ValueError:
            pass
    home = day.toordinal() if day else min(pts, default=None)
    return home, " ".join(map(str, sorted(pts)))


def assign(rows, window: int, max_articles: int) -> dict[str, str]:
    """{article id: block} for rows of (id, publication day ordinal, points, storage order)
    (``place``).

    An article stands on the date line at its publication date and at each day its acts
    and claims are dated to ("a bill passed on January 3, 2020", told again in 2021):
    articles with points at most ``window`` days apart are one block, joined transitively."""
    out: dict[str, str] = {}
    docs: list[str] = []
    home: list[tuple[int, int]] = []  # where a too-large block puts the article
    points: list[int] = []  # day ordinal << 32 | index in docs: one int sorts fastest
    for doc, day, pts, seq in rows:
        if not pts:
            out[doc] = f"u:{seq // max_articles}"
            continue
        i = len(docs)
        ords = [int(p) for p in pts.split()]
        points.extend(o << 32 | i for o in ords)
        docs.append(doc)
        home.append((day, seq))
    points.sort()
    # stretches of the date line (a gap wider than the window starts one); an article with
    # points on two stretches joins them (union-find over stretches, the earliest the root)
    parent: list[int] = []
    start: list[int] = []  # first day of each stretch
    stretch = [-1] * len(docs)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    prev = None
    mask = (1 << 32) - 1
    for p in points:
        day, i = p >> 32, p & mask
        if prev is None or day - prev > window:
            parent.append(len(parent))
            start.append(day)
        prev = day
        here, was = len(parent) - 1, stretch[i]
        if was < 0:
            stretch[i] = here
        elif root(was) != root(here):
            parent[max(root(was), root(here))] = min(root(was), root(here))
    blocks: dict[int, list[int]] = {}
    for i, s in enumerate(stretch):
        blocks.setdefault(root(s), []).append(i)
    for r, members in blocks.items():
        if len(members) <= max_articles:
            name = f"d:{date.fromordinal(start[r]).isoformat()}"
            for i in members:
                out[docs[i]] = name
        else:  # dense: calendar periods (blocks are > window days apart: no month has two)
            _periods(members, docs, home, max_articles, out)
    return out


@lru_cache(maxsize=1 << 16)
def _period(level: int, ordinal: int) -> str:
    """Ever finer calendar periods for a block too large to redo whole: a month, its weeks
    (days 1-7, 8-14, 15-21, 22-), a day (then a day's articles in storage order)."""
    day = date.fromordinal(ordinal)
    if level == 0:
        return f"m:{day.year:04d}-{day.month:02d}"
    if level == 1:
        return f"m:{day.year:04d}-{day.month:02d}/{min(3, (day.day - 1) // 7) + 1}"
    return f"m:{day.isoformat()}"


def _periods(members, docs, home, max_articles: int, out: dict[str, str], level: int = 0) -> None:
    """Each period's cut depends on the period's own articles only."""
    groups: dict[str, list[int]] = {}
    for i in members:
        day, seq = home[i]
        name = _period(level, day) if level < 3 else f"{_period(2, day)}#{seq // max_articles}"
        groups.setdefault(name, []).append(i)
    for name, part in groups.items():
        if len(part) <= max_articles or level == 3:
            for i in part:
                out[docs[i]] = name
        else:
            _periods(part, docs, home, max_articles, out, level + 1)


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
    """Recompute the cut; articles whose block changed are marked pending (their old and
    new blocks are redone), in one transaction. Returns how many moved.

    ``analysis_cut`` and ``analysis_points`` keep what the cut reads (home day, points on
    the date line, storage order), refreshed for the pending articles only. New articles
    that land where the ledger is already dense (``_local``) are placed from the articles
    within the window of their points; anything else (a deleted or re-dated article, a
    stretch that was not cut by months yet) recomputes the whole cut from that table."""
    window, max_articles = settings()
    with store.transaction():
        db = store.db
        pending = db.execute(
            "SELECT d.id, d.published, d.rowid FROM analysis_pending p JOIN documents d ON d.id = p.doc_id"
        ).fetchall()
        days = _act_days(store, [r[0] for r in pending])
        placed = {d: place(pub, days[d]) for d, pub, _ in pending}
        old = {
            d: pts
            for d, pts in db.execute(
                "SELECT c.doc_id, c.points FROM analysis_pending p JOIN analysis_cut c ON c.doc_id = p.doc_id"
            )
        }
        # the storage order is kept from the first pass: a reprocess or VACUUM does not move it
        db.executemany(
            "INSERT INTO analysis_cut (doc_id, block, day, points, seq) VALUES (?, '', ?, ?, ?) "
            "ON CONFLICT (doc_id) DO UPDATE SET day = excluded.day, points = excluded.points",
            [(d, *placed[d], seq) for d, _, seq in pending],
        )
        changed = [d for d in old if d not in placed or old[d] != placed[d][1]]
        db.executemany("DELETE FROM analysis_points WHERE doc_id = ?", [(d,) for d in old])
        db.executemany(
            "INSERT INTO analysis_points VALUES (?, ?)",
            [(int(o), d) for d, (_, pts) in placed.items() for o in pts.split()],
        )
        db.execute(
            "DELETE FROM analysis_cut WHERE doc_id IN (SELECT doc_id FROM analysis_pending) "
            "AND doc_id NOT IN (SELECT id FROM documents)"
        )
        new = None if changed else _local(store, placed, window, max_articles)
        if new is None:
            rows = db.execute("SELECT doc_id, day, points, seq FROM analysis_cut").fetchall()
            new = assign(rows, window, max_articles)
        if len(new) > 5000:
            now_in = dict(db.execute("SELECT doc_id, block FROM analysis_cut"))
        else:
            now_in = dict(
                db.execute(
                    f"SELECT doc_id, block FROM analysis_cut WHERE doc_id IN ({_marks(new)})", list(new)
                )
            )
        moved = [(b, d) for d, b in new.items() if now_in.get(d) != b]
        db.executemany("UPDATE analysis_cut SET block = ? WHERE doc_id = ?", moved)
        db.executemany("INSERT OR IGNORE INTO analysis_pending VALUES (?)", [(d,) for _, d in moved])
    return len(moved)


def _marks(items) -> str:
    return ", ".join("?" for _ in items)


def _local(store, placed: dict, window: int, max_articles: int) -> dict[str, str] | None:
    """The blocks of the articles that new (or unchanged) ``placed`` articles can move, or
    None when that needs the whole cut.

    Local when every point of a placed article has more than ``max_articles`` other
    articles within ``window`` days, all already in blocks cut by calendar periods: the
    block it joins is too large either way, so only the periods of the placed articles'
    home days change, and a period's cut depends on its own articles alone."""
    db = store.db
    out: dict[str, str] = {}
    seeds, homes = set(), set()
    for home, pts in placed.values():
        if not pts:
            continue
        seeds.update(int(o) for o in pts.split())
        homes.add(home)
    if len(placed) > max_articles:
        return None  # many at once (a full rebuild): the whole cut is as cheap
    # undated ones go by storage order: their blocks move no one else's
    for doc, seq in db.execute(
        f"SELECT doc_id, seq FROM analysis_cut WHERE doc_id IN ({_marks(placed)})", list(placed)
    ):
        if not placed[doc][1]:
            out[doc] = f"u:{seq // max_articles}"
    others = f"p.doc_id NOT IN ({_marks(placed)})"
    for o in sorted(seeds):  # enough articles near each point (stops counting past the limit)
        (near,) = db.execute(
            "SELECT count(*) FROM (SELECT DISTINCT p.doc_id FROM analysis_points p "
            f"WHERE p.day BETWEEN ? AND ? AND {others} LIMIT ?)",
            (o - window, o + window, *placed, max_articles + 1),
        ).fetchone()
        if near <= max_articles:
            return None
    spans: list[list[int]] = []  # the points' windows, merged
    for o in sorted(seeds):
        if spans and o - window <= spans[-1][1]:
            spans[-1][1] = o + window
        else:
            spans.append([o - window, o + window])
    for lo, hi in spans:  # and all of them already cut by calendar periods
        if db.execute(
            "SELECT 1 FROM analysis_points p JOIN analysis_cut c ON c.doc_id = p.doc_id "
            f"WHERE p.day BETWEEN ? AND ? AND {others} AND c.block NOT LIKE 'm:%' LIMIT 1",
            (lo, hi, *placed),
        ).fetchone():
            return None
    for month in {_period(0, h) for h in homes}:
        y, m = int(month[2:6]), int(month[7:9])
        first = date(y, m, 1).toordinal()
        last = (date(y + m // 12, m % 12 + 1, 1)).toordinal() - 1
        rows = db.execute(
            "SELECT doc_id, day, seq FROM analysis_cut WHERE day BETWEEN ? AND ? AND points != ''",
            (first, last),
        ).fetchall()
        docs = [r[0] for r in rows]
        _periods(range(len(docs)), docs, [(r[1], r[2]) for r in rows], max_articles, out)
    return out
