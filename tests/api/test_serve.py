"""`newsledger serve` builds the app over --db and hands it to uvicorn."""

from __future__ import annotations

import uvicorn

from newsledger.cli import main


def test_serve_runs_uvicorn_on_the_ledger(db_path, monkeypatch):
    got = {}

    def fake_run(app, host, port, log_level):  # noqa: ARG001
        got.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    assert main(["--db", db_path, "serve", "--port", "8123", "--model", "sm"]) == 0
    assert (got["host"], got["port"]) == ("127.0.0.1", 8123)
    assert got["app"].state.db_path == db_path and got["app"].state.model == "sm"


def test_serve_rejects_a_bad_port(db_path):
    assert main(["--db", db_path, "serve", "--port", "0"]) == 2
