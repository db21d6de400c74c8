"""Facet columns over an index of several segments, early ones lacking the facets.

Whoosh's ``MultiReader.column_reader`` joins only the segments that have a column, so a
document of a segment without it was read from another segment: another report's value, or a
struct error (a 500 on /api/stats).  Every facet value, sort and sum is checked here against the
stored records, on an index whose first segment holds only free-form reports.
"""

from __future__ import annotations

import json
import math

import pytest

from indexer import facetarrays
from indexer.extract import extract_path
from indexer.extract.ratios import ratios
from indexer.facetquery import FacetCondition
from indexer.generator import generate, write
from indexer.registry import facets
from indexer.schema import facet_field
from indexer.search import search
from indexer.stats import facet_series
from indexer.store import Column, open_existing, open_or_create, to_document

FACETS = ("政府集中采购.总金额_万元", "申请.新收", "行政处罚.处理决定数")


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """Three segments, never merged: free-form reports only, then template reports, then both."""
    files = tmp_path_factory.mktemp("segment-reports")
    batches = [
        [generate(seed, template="free") for seed in range(4)],
        [generate(seed) for seed in range(10, 16)],
        [generate(seed, template="free") for seed in range(20, 22)] + [generate(seed) for seed in range(30, 33)],
    ]
    folder = tmp_path_factory.mktemp("segment-index")
    ix, _ = open_or_create(folder)
    records = {}
    for batch in batches:
        writer = ix.writer()
        for report in batch:
            path = write(report, "tsv", files)
            extracted = extract_path(path)
            writer.add_document(**to_document(extracted, str(path.resolve())))
            records[extracted.id] = extracted
        writer.commit(merge=False)
    ix = open_existing(folder)
    with ix.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) == 3
    return ix, records


@pytest.mark.parametrize("reading", ["Column", "facetarrays"])
def test_every_facet_value_is_read_from_its_own_report(segmented, reading):
    """Both ways the index reads a facet column: per document (Column), and as one array."""
    ix, records = segmented
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = Column(reader, "id")
        for key in facets():
            if reading == "Column":
                values = Column(reader, facet_field(key))
            else:
                values = facetarrays.array(reader, facet_field(key))
                assert len(values) == reader.doc_count_all()
            for docnum in reader.all_doc_ids():
                record = records[ids[docnum]]
                want = {**record.facets, **ratios(record.facets)}.get(key)  # ratios: derived when indexed
                got = values[docnum]
                assert (math.isnan(got) if want is None else got == want), (key, ids[docnum])


@pytest.mark.parametrize("key", FACETS)
def test_sort_by_facet_follows_the_stored_values(segmented, key):
    ix, records = segmented
    answer = search(ix, "in 2000-2030", per_page=100, sort=f"-{key}")
    order = [records[hit["id"]].facets.get(key) for hit in answer["results"]]
    stated = [v for v in order if v is not None]
    assert stated == sorted(stated, reverse=True)
    assert order[len(stated) :] == [None] * (len(order) - len(stated))  # absent last


@pytest.mark.parametrize("key", FACETS)
def test_sums_and_conditions_follow_the_stored_values(segmented, key):
    ix, records = segmented
    series = facet_series(ix, "in 2000-2030", key)
    stated = [r for r in records.values() if r.facets.get(key) is not None]
    assert series["reports"] == len(stated)
    assert math.isclose(sum(g["sum"] for g in series["by_year"]), sum(r.facets[key] for r in stated))
    with ix.searcher() as searcher:
        found = {json.loads(hit["record"])["id"] for hit in searcher.search(FacetCondition(key, ">=", 0), limit=None)}
    assert found == {r.id for r in stated}


def test_stats_over_free_form_first_segments_answer(segmented):
    """The case of the 500: a year range whose first segment holds only free-form reports."""
    ix, records = segmented
    key = "政府集中采购.总金额_万元"
    series = facet_series(ix, "in 2009-2024", key)
    chosen = [r for r in records.values() if r.year is not None and 2009 <= r.year <= 2024]
    stated = [r for r in chosen if key in r.facets]
    assert (series["reports"], series["absent"]) == (len(stated), len(chosen) - len(stated))
    assert series["absent"] >= 4  # the free-form reports of the first segment are among them
    assert math.isclose(sum(g["sum"] for g in series["by_year"]), sum(r.facets[key] for r in stated))


def test_a_report_of_no_known_year_is_not_counted_as_a_year_and_comes_last(tmp_path):
    """Whoosh's year column answers 2147483647 for a document without a year."""
    ix, _ = open_or_create(tmp_path / "index")
    writer = ix.writer()
    for seed in (1, 2, 3):
        path = write(generate(seed, template="free"), "free", tmp_path / "reports")
        doc = to_document(extract_path(path), str(path.resolve()))
        if seed == 1:
            del doc["year"]
            undated = doc["id"]
        writer.add_document(**doc)
    writer.commit()
    answer = search(ix, "模板:free")
    assert answer["total"] == 3
    assert sum(answer["facet_counts"]["year"].values()) == 2
    assert all(1990 < int(year) < 2100 for year in answer["facet_counts"]["year"])
    assert answer["results"][-1]["id"] == undated


def test_an_index_never_committed_to_answers_every_kind_of_query_with_nothing(tmp_path):
    """What an ingest that failed on its first file leaves: an index with no segment."""
    from indexer.live import LiveIndex
    from indexer.search import browse

    ix, _ = open_or_create(tmp_path / "index")
    for index in (ix, LiveIndex(ix)):
        for query in ("in 2000-2030", "公开 采购金额 > 1", "地区:重庆", '"政府信息公开"'):
            assert search(index, query, sort="-采购金额")["total"] == 0
        assert browse(index)["total"] == 0
        assert facet_series(index, "in 2020", "申请.新收")["reports"] == 0


def test_a_condition_on_one_new_segment_keeps_the_other_segments_arrays(tmp_path):
    # Conditions are answered a segment at a time (indexer.arraymatch). Asked first about a
    # segment just committed, they once made the cache forget every other segment's arrays
    # as if those segments were gone: the next query read all their columns again.
    from generated_reports import as_report

    from indexer.store import commit
    from indexer.store import writer as new_writer

    ix, _ = open_or_create(tmp_path)
    for seed in range(24):  # more segments than the cache keeps before it looks for gone ones
        writer = new_writer(ix)
        report = as_report(seed)
        writer.add_document(**to_document(report, report.source))
        commit(writer, merge=False)
    field = facet_field("申请.新收")
    with ix.searcher() as searcher:
        facetarrays.array(searcher.reader(), field)  # the whole index: every segment's array read
        old = {leaf.segment().segment_id() for leaf, _ in searcher.reader().leaf_readers()}
    writer = new_writer(ix)
    report = as_report(99)
    writer.add_document(**to_document(report, report.source))
    commit(writer, merge=False)
    with ix.searcher() as searcher:
        newest = next(leaf for leaf, _ in searcher.reader().leaf_readers() if leaf.segment().segment_id() not in old)
        FacetCondition("申请.新收", ">", -1)._mask(newest)
    assert all((segment, field) in facetarrays._arrays for segment in old)
