"""Stemming is safe from several threads at once, as gunicorn's threaded workers score answers."""

import sys
import threading

import snowballstemmer

from content.scoring import text

STEMS = ("cont", "reg", "lay", "vol", "compos", "isol")
SUFFIXES = ("ational", "izations", "fulness", "iveness", "ically", "ements", "ing", "ed", "s")


def test_threads_stemming_at_once_get_the_stems_one_thread_gets(monkeypatch) -> None:
    words = [
        [f"{prefix}{stem}{suffix}" for stem in STEMS for suffix in SUFFIXES] * 10
        for prefix in ("ba", "de", "fo", "mi", "pu", "ro", "su", "te")
    ]
    alone = snowballstemmer.stemmer("english")
    wanted = [[alone.stemWord(word) for word in group] for group in words]
    # No cache: every call stems, and a wrong stem cannot stay behind for later tests.
    monkeypatch.setattr(text, "_STEM_CACHE", {})
    monkeypatch.setattr(text, "_STEM_CACHE_MAX", 0)
    got: list = [None] * len(words)
    start = threading.Barrier(len(words))

    def stem_all(number: int) -> None:
        start.wait()
        try:
            got[number] = [text.stem(word) for word in words[number]]
        except Exception as error:  # a race shows as a wrong stem or as any exception
            got[number] = repr(error)

    threads = [threading.Thread(target=stem_all, args=(n,)) for n in range(len(words))]
    interval = sys.getswitchinterval()
    # Switch threads every microsecond, so they interleave inside one word's stemming.
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)

    assert got == wanted
