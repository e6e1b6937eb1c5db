"""NLP: the spaCy pipeline (loaded once per process) that every extractor reads."""

from newsledger.nlp.pipeline import DEFAULT_MODEL, MODELS, load

__all__ = ["DEFAULT_MODEL", "MODELS", "load"]
