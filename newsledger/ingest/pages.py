"""A fetched page (or a WARC capture) into an Article, or a coded reason why it is none."""

from __future__ import annotations

from dataclasses import replace

from newsledger.errors import IngestError
from newsledger.ingest.readers import extract_html, make_article
from newsledger.records import Article

# Shorter main text than this is a paywall stub, a teaser or an index page, not a report.
MIN_ARTICLE_CHARS = 300


class NotAnArticle(IngestError):
    code = "NL-FETCH-NOT-ARTICLE"


def html_article(
    body: bytes,
    url: str,
    *,
    source: str,
    fallback_date: str | None = None,
    date_method: str = "feed",
    min_chars: int = MIN_ARTICLE_CHARS,
) -> Article:
    """Main text, title, date, outlet and author by trafilatura; offsets index the text stored.

    ``fallback_date`` (a feed entry's date, a WARC capture date) is used only where the page
    gives none, and ``published_method`` says which it was."""
    doc, text, enc = extract_html(body, url)
    if not text:
        raise NotAnArticle("no main text found on the page (not an article?)")
    if len(text.strip()) < min_chars:
        raise IngestError(
            f"only {len(text.strip())} characters of main text: a paywall stub, "
            "a teaser or an index page; not ingested",
            code="NL-FETCH-STUB",
        )
    date, method = getattr(doc, "date", None), "html_meta"
    if not date and fallback_date:
        date, method = fallback_date, date_method
    art = make_article(
        text,
        url,
        fmt="html",
        source=source,
        encoding=enc,
        title=getattr(doc, "title", None),
        outlet=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None) or url,
        published=date,
        published_method=method,
    )
    return replace(art, author=getattr(doc, "author", None) or None)
