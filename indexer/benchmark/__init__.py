"""``nianbao bench``: ingest and query speed at scale, beside plain Whoosh + jieba.

One run generates a deterministic corpus (``corpus``), ingests it in a child
process whose CPU and memory are measured (``probe``), runs every query class
of ``workload`` in-process and over HTTP against ``nianbao serve``, repeats
the corpus and the text and range queries on a plain Whoosh + jieba index
(``plain``), puts the server under load (``load``: concurrent clients mixing
searches, report pages, stats and exports, in rounds), and prints one table
(``report``), JSON too. Timings are printed, never asserted: a shared 2-core
machine varies by ±20 % between runs.
"""
