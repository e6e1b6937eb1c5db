"""The REST API: ``create_app(db_path)`` returns a FastAPI app over one ledger file."""
from newsledger.api.app import create_app

__all__ = ["create_app"]
