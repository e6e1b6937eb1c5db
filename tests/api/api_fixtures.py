"""Articles written for the API, web and export tests (no seed text)."""

from __future__ import annotations

ARTICLES = [
    {
        "id": "harbour-1",
        "title": "Port strike ends",
        "outlet": "Harbour Times",
        "published": "2024-03-05",
        "text": "Port strike ends\n\nThe mayor of Lisbon, Carlos Moedas, said on Monday that "
        '"the dock workers will return next week". Portugal accused Spain of blocking '
        "the shipments on Sunday.",
    },
    {
        "id": "valley-1",
        "outlet": "Valley Post",
        "published": "2024-04-10",
        "text": 'Spain denied the accusation on Tuesday. "We blocked nothing," the Spanish '
        'minister Ana Ruiz said. <script>alert("x")</script> & more.',
    },
]


def build(client) -> dict:
    """POST the fixture articles; returns the response body."""
    r = client.post("/api/articles", json=ARTICLES)
    assert r.status_code == 201, r.text
    return r.json()


TOKEN = "test-write-token"


def api_client(db, **kwargs):
    """A TestClient over a fresh app on `db` that sends the write token (sm model)."""
    from fastapi.testclient import TestClient

    from newsledger.api import create_app
    from tests.conftest import TEST_MODEL

    kwargs.setdefault("token", TOKEN)
    kwargs.setdefault("model", TEST_MODEL)
    return TestClient(
        create_app(str(db), **kwargs),
        base_url="http://localhost",
        headers={"Authorization": f"Bearer {TOKEN}"},
    )


def ledger_client(tmp_path_factory, name: str):
    """(TestClient, POST body) over a fresh ledger holding ARTICLES (sm model)."""
    db = tmp_path_factory.mktemp(name) / "ledger.db"
    client = api_client(db)
    return client, build(client)
