"""The fast paths of story grouping give exactly what the plain computations give."""

from __future__ import annotations

from newsledger.analyze.stories import _jaccard, _NearCopies, _Similarity, _tfidf, shingles

A = (
    "The minister said on Monday that the talks with the union would resume next week "
    "after a month of strikes across the northern ports."
)
B = A + " Reporting by a staff writer."
C = (
    "Heavy rain flooded the valley on Sunday and the regional council opened two "
    "shelters for families whose homes were damaged."
)


def test_near_copies_give_the_set_jaccard_where_it_can_reach_the_floor():
    sets = {"a": shingles(A, 3), "b": shingles(B, 3), "c": shingles(C, 3)}
    pairs = [("a", "b"), ("a", "c"), ("b", "c")]
    near = _NearCopies(sets, pairs, floor=0.5)
    assert near.jaccard("a", "b") == _jaccard(sets["a"], sets["b"]) > 0.5
    assert near.jaccard("a", "c") == 0.0 and near.jaccard("b", "c") == 0.0
    low = _NearCopies(sets, pairs, floor=0.0)  # nothing pruned: every value exact
    assert [low.jaccard(*p) for p in pairs] == [_jaccard(sets[x], sets[y]) for x, y in pairs]


def test_copies_with_the_same_words_share_one_similarity():
    docs = {
        "a": ["talks", "union", "strike"],
        "a2": ["talks", "union", "strike"],
        "c": ["rain", "valley", "union"],
    }
    vecs = _tfidf(docs)
    actors = {"a": {"x"}, "a2": {"x"}, "c": {"x", "y"}}
    sim = _Similarity(vecs, actors, {"weight_words": 0.6, "weight_actors": 0.25})
    assert sim.canon == {"a": "a", "a2": "a", "c": "c"}
    first = sim("a", "c")
    assert sim("a2", "c") == first and len(sim.known) == 1
    actors["a2"] = {"z"}  # other actors: a class of its own
    assert _Similarity(vecs, actors, {"weight_words": 0.6, "weight_actors": 0.25}).canon["a2"] == "a2"
