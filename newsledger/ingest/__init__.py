"""Ingest: files, folders and stdin in; Articles (or Problems naming the input) out."""

from newsledger.ingest.readers import content_id, make_article, read_paths

__all__ = ["content_id", "make_article", "read_paths"]
