"""The REST API: ``create_app(db_path)`` returns a FastAPI app over one ledger file.

Lazy, so ``Ledger`` methods that use ``newsledger.api.queries`` never import FastAPI.
"""


def __getattr__(name):
    if name == "create_app":
        from newsledger.api.app import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
