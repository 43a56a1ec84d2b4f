from __future__ import annotations

from matching.linking.link_cache import LinkCache


def test_the_least_recently_used_answer_is_forgotten_first() -> None:
    cache: LinkCache[int] = LinkCache(size=2)
    cache.put_many({"a": 1, "b": 2})
    assert cache.get_many(["a"]) == {"a": 1}  # "a" is now the most recently used
    cache.put_many({"c": 3})
    assert cache.get_many(["a", "b", "c"]) == {"a": 1, "c": 3}
    assert (cache.hits, cache.misses) == (3, 1)
    cache.clear()
    assert len(cache) == 0 and cache.get_many(["a"]) == {}


def test_a_cache_of_size_zero_keeps_nothing() -> None:
    cache: LinkCache[int] = LinkCache(size=0)
    cache.put_many({"a": 1})
    assert len(cache) == 0
