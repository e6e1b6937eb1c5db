"""The given-name table (kb/sources/given_names.py, kb/data/given_names.tsv.gz) and the
gender it gives a person's full names (kb/described.py)."""

import gzip
import json

from newsledger.kb.described import given_names, name_gender
from newsledger.kb.sources import given_names as builder

DATA = {
    "john": [33, 5000, 0.001, 3],
    "mary": [33, 4000, 0.98, 3],
    "leslie": [30, 4000, 0.578, 3],  # either: left out
    "rarename": [2, 40, 0.0, 3],  # too few bearers
    "jos\u00e9": [20, 9000, 0.01, 3],  # not ASCII letters
    "a": [20, 9000, 0.01, 3],
}


def test_table_keeps_strong_priors_only():
    assert builder.table(DATA) == {"john": "m", "mary": "f"}


def test_build_writes_a_gzipped_table_from_a_json_file(tmp_path):
    src = tmp_path / "name_data.json"
    src.write_text(json.dumps(DATA), encoding="utf-8")
    out = tmp_path / "names.tsv.gz"
    assert builder.build(src, out) == 2
    lines = gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].startswith("# given name -> gender: nomquamgender")
    assert lines[1:] == ["john\tm", "mary\tf"]


def test_shipped_table():
    table = given_names()
    assert table["john"] == "m" and table["mary"] == "f" and table["yvonne"] == "f"
    assert "leslie" not in table and "jordan" not in table and "raj" not in table
    assert 10_000 < len(table) < 40_000


def test_name_gender_reads_the_given_name():
    assert name_gender(["John Jenkin"]) == "m"
    assert name_gender(["Dr. Regina Benjamin"]) == "f"  # a title is no given name
    assert name_gender(["W. Mark Felt"]) == "m"  # nor an initial
    assert name_gender(["Raj Chohan"]) == ""  # a name of either gender
    assert name_gender(["Jenkin"]) == ""  # a surname alone tells nothing
    assert name_gender(["Mary Smith", "John Smith"]) == ""  # disagreeing names
