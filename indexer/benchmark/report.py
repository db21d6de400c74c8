"""The benchmark's results as a Markdown table (the README shows the latest one)."""

from __future__ import annotations

from .workload import CLASSES


def _n(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _ratio(ours: float | None, theirs: float | None) -> str:
    return f"{ours / theirs:.2f}×" if ours and theirs else "—"


def _batches_row(ingest: dict) -> str:
    """The writing thread's CPU while the reports were read, by stage; the rest is the
    parent's other CPU then: receiving the workers' results, planning (hashing the files)."""
    stages = ingest.get("batch_cpu_s") or {}
    ends = sum(ingest.get(f"{step}_cpu_s", 0) for step in ("refresh", "tidy", "files"))
    rest = ingest["parent_cpu_s"] - ends - sum(stages.values())
    shown = " / ".join(f"{stages.get(stage, 0):.1f}" for stage in ("figures", "documents", "commits", "merges"))
    return (
        "| of which, while reading: each batch's cross-report figures / documents added / commits "
        f"(postings and columns written) / merges / the rest (receiving, planning): CPU s | {shown} / {rest:.1f} | — | |"
    )


def table(r: dict) -> str:
    ingest, plain = r["ingest"], r.get("plain") or {}
    cpu = ingest["parent_cpu_s"] + ingest["workers_cpu_s"]
    lines = [
        f"## nianbao bench: {ingest['added'] + r.get('increment', {}).get('added', 0)} reports, "
        f"{r['workers']} extraction workers, {r['cores']} cores",
        "",
        "| ingest | nianbao | plain Whoosh + jieba | ratio |",
        "|---|---|---|---|",
        f"| reports/s (wall) | {ingest['reports_per_s']:.1f} | {_n(plain.get('reports_per_s'))} | "
        f"{_ratio(ingest['reports_per_s'], plain.get('reports_per_s'))} |",
        f"| reports per CPU-second | {ingest['reports_per_cpu_s']:.1f} | {_n(plain.get('reports_per_cpu_s'))} | "
        f"{_ratio(ingest['reports_per_cpu_s'], plain.get('reports_per_cpu_s'))} |",
        f"| CPU ms per report: extraction and tokenising (workers) | {1000 * ingest['workers_cpu_s'] / ingest['added']:.1f} | — | |",
        f"| CPU ms per report: writing the index (parent; plain: all its indexing) | {1000 * ingest['parent_cpu_s'] / ingest['added']:.1f} | "
        f"{_n(1000 * plain['cpu_s'] / plain['documents'] if plain else None)} | |",
        _batches_row(ingest),
        f"| of which cross-report figures (雷同, 同比): wall s : CPU s | {ingest.get('refresh_wall_s', 0):.1f} : "
        f"{ingest.get('refresh_cpu_s', 0):.1f} | — | |",
        f"| of which merging the small segments at the end (the kept ones' posting files written meanwhile): wall s : CPU s | {ingest.get('tidy_wall_s', 0):.1f} : "
        f"{ingest.get('tidy_cpu_s', 0):.1f} | — | |",
        f"| of which writing the posting files left after that merge: wall s : CPU s | {ingest.get('files_wall_s', 0):.1f} : "
        f"{ingest.get('files_cpu_s', 0):.1f} | — | |",
        f"| while reading: the writer waiting for the workers, s / workers idle behind a full queue, worker-s | "
        f"{ingest.get('writer_waited_s', 0):.1f} / {ingest.get('workers_held_s', 0):.1f} | — | |",
        f"| index size MB | {r['index_mb']:.0f} | {_n(plain.get('size_mb'), 0)} | "
        f"{_ratio(r['index_mb'], plain.get('size_mb'))} |",
        f"| of which the copied-text index (similarity.sqlite) MB | {r.get('similarity_mb', 0):.0f} | — | |",
        f"| peak memory MB: whole ingest (PSS, sampled) | {ingest['tree_peak_mb']:.0f} | "
        f"{_n(plain.get('peak_mb'), 0)} | |",
        f"| peak memory MB: ingest parent / largest worker | {ingest['parent_peak_mb']:.0f} / "
        f"{ingest['worker_peak_mb']:.0f} | | |",
        f"| peak memory MB: server | {r['server_peak_mb']:.0f} | | |",
        f"| wall s: CPU s | {ingest['wall_s']:.0f} : {cpu:.0f} | | |",
    ]
    if "increment" in r:
        inc = r["increment"]
        lines.append(
            f"| add {inc['added']} to {ingest['added']}: reports/s | {inc['reports_per_s']:.1f} | | |"
        )
    lines.append(f"| re-ingest, nothing changed: s | {r['unchanged_s']:.1f} | | |")
    lines += [
        "",
        f"| query class ({r['queries_per_class']} each), ms | in-process p50 / p95 / p99 | "
        "HTTP p50 / p95 / p99 | plain p50 / p95 / p99 | p95 ratio |",
        "|---|---|---|---|---|",
    ]
    for kind in CLASSES:
        q = r["queries"].get(kind)
        if not q:
            continue
        theirs = (plain.get("queries") or {}).get(kind)
        lines.append(
            f"| {kind} | {_three(q['in_process'])} | {_three(q.get('http'))} | {_three(theirs)} | "
            f"{_ratio(q['in_process']['p95'], theirs['p95'] if theirs else None)} |"
        )
    stopped = {kind: q["http_timeouts"] for kind, q in r["queries"].items() if q.get("http_timeouts")}
    if stopped:
        lines += [
            "",
            "stopped at the server's search time limit (timed as they ran): "
            + ", ".join(f"{kind} {n}" for kind, n in stopped.items()),
        ]
    if "load" in r:
        lines += ["", load_table(r["load"])]
    lines += ["", "forms: " + ", ".join(f"{form} {n}" for form, n in r["forms"].items())]
    return "\n".join(lines)


def load_only_table(r: dict) -> str:
    """``nianbao bench --load-only``'s output: the load table under a heading naming the index."""
    return (
        f"## nianbao bench --load-only: {r['count']} reports, {r['cores']} cores\n\n{load_table(r['load'])}"
    )


def _three(p: dict | None) -> str:
    return f"{p['p50']:g} / {p['p95']:g} / {p['p99']:g}" if p and p["p50"] is not None else "—"


def load_table(load: dict) -> str:
    """The load rounds: one row per round with the server's memory after it, one row per request kind."""
    before = load["memory_before"]
    lines = [
        f"### Load: {load['clients']} clients × {load['seconds']:g} s, {len(load['rounds'])} rounds, "
        f"server threads {load['server_threads']}, loopback",
        "",
        "| load round | requests | requests/s | errors | p50 / p95 / p99 ms | server RSS / peak MB "
        "| RSS change MB |",
        "|---|---|---|---|---|---|---|",
        f"| before | | | | | {before['rss_mb']:.1f} / {before['hwm_mb']:.1f} | |",
    ]
    for r in load["rounds"]:
        memory = r["memory"]
        lines.append(
            f"| {r['round']} | {r['requests']} | {r['requests_per_s']:.1f} | {r['errors']} | "
            f"{_three(r['all'])} | {memory['rss_mb']:.1f} / {memory['hwm_mb']:.1f} | "
            f"{memory['rss_change_mb']:+.1f} |"
        )
    total = load["total"]
    lines += [
        f"| all rounds | {total['requests']} | {total['requests_per_s']:.1f} | {total['errors']} | "
        f"{_three(total['all'])} | | |",
        "",
        "| load request kind (all rounds) | requests | errors | p50 / p95 / p99 ms |",
        "|---|---|---|---|",
    ]
    for kind, k in total["kinds"].items():
        lines.append(f"| {kind} | {k['requests']} | {k['errors']} | {_three(k)} |")
    lines += [
        "",
        f"server RSS growth from round 1 to round {len(load['rounds'])}: {load['rss_growth_mb']:+.1f} MB",
    ]
    lines += [f"- error: {example}" for example in total["error_examples"]]
    return "\n".join(lines)
