"""API contract fuzzing with schemathesis: cases generated from the app's own OpenAPI
schema (a few per endpoint, seeded) against a small ledger. No case may get a 5xx,
and every error answer has the {"error": {"code", "message"}} shape."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.api.api_fixtures import TOKEN, api_client


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    client = api_client(
        tmp_path_factory.mktemp("contract") / "l.db", allowed_hosts=("localhost", "testserver")
    )  # schemathesis: testserver
    client.post(
        "/api/articles",
        json=[
            {
                "id": "c1",
                "outlet": "Harbour Times",
                "published": "2024-03-05",
                "text": "The mayor of Lisbon, Carlos Moedas, said on "
                'Monday that "the dock workers will return".',
            }
        ],
    )
    return schemathesis.openapi.from_asgi("/api/openapi.json", client.app)


def _operations(schema):
    return [r.ok() for r in schema.get_all_operations()]


def test_every_endpoint_answers_in_contract(api_schema):
    """Per operation, a few seeded cases (schemathesis's pytest plugin does not run on
    this pytest, so the cases are drawn here with hypothesis)."""
    ops = _operations(api_schema)
    assert len(ops) >= 10
    ran: list[int] = []
    for op in ops:

        @settings(
            max_examples=6 if op.method.upper() == "POST" else 12,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=op.as_strategy())
        def check(case):
            response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
            ran.append(response.status_code)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])
            if response.status_code >= 400:
                err = response.json()["error"]
                assert isinstance(err["code"], str) and err["code"].startswith("NL-")
                assert isinstance(err["message"], str) and err["message"]

        check()
    print(f"{len(ran)} cases on {len(ops)} operations: {sorted((c, ran.count(c)) for c in set(ran))}")
    assert len(ran) >= 2 * len(ops)
