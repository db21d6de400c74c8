"""The OpenAPI 3.0.3 description of the JSON endpoint, built in code.

Schemas follow the library's plain data exactly (``indexer.search.search``,
``Report.to_record``, ``Facet.to_dict``, ``indexer.stats.facet_series``):
nullable where a value can be null, no extra properties where the shape is
fixed, and facet values keyed by the registry's canonical keys.

>>> document()["paths"]["/api/search"]["get"]["operationId"]
'search'
"""

from __future__ import annotations

import copy
from functools import lru_cache

from indexer.models import FORMATS, SECTION_NAMES, WHOLE_TEXT
from indexer.querylang.parser import MAX_CHARS, MAX_DEPTH, MAX_TERMS
from indexer.registry import DERIVED_KINDS, RATIO_UNIT
from indexer.registry import facets as registry_facets
from indexer.search import COUNTED, MAX_PAGE, MAX_PER_PAGE

TEMPLATES = ["2019", "2021", "free"]
REF = "#/components/schemas/"


def _ref(name: str) -> dict:
    return {"$ref": REF + name}


def _nullable(kind: str, **extra) -> dict:
    return {"type": kind, "nullable": True, **extra}


def _object(properties: dict, required: list[str] | None = None) -> dict:
    """A closed object: every named property required unless ``required`` says otherwise."""
    required = list(properties) if required is None else required
    schema = {"type": "object", "properties": properties, "additionalProperties": False}
    return {**schema, "required": required} if required else schema  # 3.0: no empty "required"


def _strings() -> dict:
    return {"type": "array", "items": {"type": "string"}}


def _error_schema() -> dict:
    """``code`` and ``message`` are stable for scripts (English); ``message_zh`` is for people."""
    body = _object(
        {
            "code": {"type": "string", "description": "stable machine name, e.g. unknown_facet"},
            "message": {"type": "string", "description": "what went wrong, in English; stable for scripts"},
            "message_zh": {"type": "string", "description": "the same, in Chinese, for people to read"},
            "position": _nullable("integer", minimum=0, description="0-based character in q"),
            "suggestions": _strings(),
            "hint": {"type": "string", "description": "what to try instead, when there is one"},
            "hint_zh": {"type": "string", "description": "the hint in Chinese"},
        },
        ["code", "message", "message_zh", "position", "suggestions"],
    )
    return _object({"error": body})


def _region_schema() -> dict:
    return _object({name: _nullable("string") for name in ("province", "city", "county")})


def _facet_values_schema(*kinds: str) -> dict:
    """Facet values by canonical key; a report lacking a facet omits it.  ``kinds``: only facets
    of those kinds (``int``/``float`` read, ``ratio``, ``yoy``, ``copy``), or any (a hit names any)."""
    props = {
        key: {"type": "integer" if f.kind == "int" else "number", "description": f"{f.label} ({f.unit})"}
        for key, f in registry_facets().items()
        if not kinds or f.kind in kinds
    }
    return _object(props, [])


def _anomalies_schema() -> dict:
    entry = _object(
        {
            "value": {"type": "number"},
            "median": {"type": "number", "description": "the peer group's median"},
            "z": {"type": "number", "description": "robust z-score on a log scale (beyond ±3.5 is 异常)"},
            "peers": {"type": "integer", "description": "reports in the group stating this facet"},
        }
    )
    return {
        "type": "object",
        "additionalProperties": entry,
        "description": "main facets far outside the peer group (same level, province and year): 异常",
    }


def _highlight_schema() -> dict:
    return _object(
        {
            "section": {"type": "string", "enum": [*SECTION_NAMES, WHOLE_TEXT]},
            "fragment": {"type": "string", "description": "HTML-escaped text; <mark> is the only markup"},
        }
    )


def _common_metadata() -> dict:
    return {
        "id": {"type": "string"},
        "source": {"type": "string"},
        "title": _nullable("string"),
        "agency": _nullable("string"),
        "region": _ref("Region"),
        "year": _nullable("integer"),
        "published": _nullable("string", pattern=r"^\d{4}-\d{2}-\d{2}$"),
        "template": {"type": "string", "enum": TEMPLATES},
    }


def _hit_schema() -> dict:
    return _object(
        {
            **_common_metadata(),
            "score": _nullable("number", description="relevance; null unless sorted by relevance"),
            "facets": _ref("FacetValues"),
            "failed_checks": {**_strings(), "description": "the checks beyond the tables it fails (检查:RULE)"},
            "anomalies": {**_strings(), "description": "the main facets far outside its peer group (异常:KEY)"},
            "highlights": {"type": "array", "items": _ref("Highlight")},
            "url": {"type": "string", "pattern": "^/reports/"},
        }
    )


def _counts_schema() -> dict:
    counts = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}
    return _object({name: counts for name in COUNTED})


def _search_schema() -> dict:
    return _object(
        {
            "query": {"type": "string"},
            "parsed": {"type": "string", "description": "the query in normal form"},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
            "sort": {"type": "string"},
            "took_ms": {"type": "number", "minimum": 0},
            "results": {"type": "array", "items": _ref("SearchHit")},
            "facet_counts": _ref("FacetCounts"),
        }
    )


def _record_schema() -> dict:
    check = _object({"rule": {"type": "string"}, "ok": {"type": "boolean"}, "detail": {"type": "string"}})
    sections = _object({name: {"type": "string"} for name in SECTION_NAMES}, [])
    properties = {
        **_common_metadata(),
        "format": {"type": "string", "enum": list(FORMATS)},
        "sections": sections,
        "facets": _facet_values_schema("int", "float"),
        "ratios": {
            **_facet_values_schema("ratio"),
            "description": "derived from the facets: fractions of 1, where every number needed was read",
        },
        "checks": {"type": "array", "items": check, "description": "the tables' own arithmetic (勾稽)"},
        "findings": {
            "type": "array",
            "items": check,
            "description": "checks beyond the tables (检查): rule 跨年结转, 文表不符, 问题改进缺失, 收费未说明 or 模板不符",
        },
        "agency_key": _nullable("string", description="the body across years and name variants"),
        "warnings": _strings(),
        "content_hash": {"type": "string"},
    }
    optional = {
        "yoy": {
            **_facet_values_schema("yoy"),
            "description": "同比: each main facet's change against the body's report of the year before"
            " (0.5 is +50 %), where both state it and the earlier is not 0",
        },
        "copying": {
            **_facet_values_schema("copy"),
            "description": "雷同: the largest share of each section's own text (template sentences left out)"
            " found in the same section of another agency's report; 全文 weighs sections by length; 去年"
            " against the same body's report of the year before. Below 0.5 is given as 0; a section too"
            " short to compare has none",
        },
        "anomalies": _anomalies_schema(),
        "source_url": _nullable("string", description="the web address the file says it came from"),
        "unsectioned": {
            "type": "string",
            "description": "the whole text, where no section heading was recognised",
        },
    }
    return _object({**properties, **optional}, list(properties))


def _facet_schema() -> dict:
    return _object(
        {
            "key": {"type": "string"},
            "label": {"type": "string"},
            "unit": {"type": "string", "enum": ["件", "条", "万元", RATIO_UNIT]},
            "type": {"type": "string", "enum": ["int", "float", *DERIVED_KINDS]},
            "templates": {"type": "array", "items": {"type": "string", "enum": TEMPLATES}},
            "aliases": _strings(),
        }
    )


def _named_schema() -> dict:
    return _object({"name": {"type": "string"}, "aliases": _strings(), "example": {"type": "string"}})


def _facets_answer_schema() -> dict:
    return _object(
        {
            "facets": {"type": "array", "items": _ref("Facet")},
            "sections": {"type": "array", "items": _ref("QueryName")},
            "fields": {"type": "array", "items": _ref("QueryName")},
        }
    )


def _group_schema(key: dict) -> dict:
    return _object(
        {
            "key": key,
            "reports": {"type": "integer", "minimum": 1},
            "sum": _nullable("number", description="null for a percentage (a ratio, 同比, 雷同): a sum of them means nothing"),
            "median": {"type": "number"},
        }
    )


def _stats_schema() -> dict:
    return _object(
        {
            "facet": {"type": "string"},
            "reports": {"type": "integer", "minimum": 0},
            "absent": {"type": "integer", "minimum": 0},
            "by_year": {"type": "array", "items": _group_schema({"type": "integer"})},
            "by_province": {"type": "array", "items": _group_schema({"type": "string"})},
        }
    )


def _agency_schemas() -> dict:
    """``indexer.agencies``: a body's history, and two of its reports compared."""
    number = _nullable("number")
    failed = {"type": "array", "items": _object({"rule": {"type": "string"}, "detail": {"type": "string"}})}
    report = _object(
        {
            "id": {"type": "string"},
            "year": _nullable("integer"),
            "title": _nullable("string"),
            "agency": _nullable("string", description="the name as this report prints it"),
            "template": {"type": "string", "enum": TEMPLATES},
            "checks": {"type": "integer", "minimum": 0, "description": "table checks (勾稽) run"},
            "checks_failed": failed,
            "findings": {"type": "integer", "minimum": 0, "description": "checks beyond tables (检查) run"},
            "findings_failed": failed,
        }
    )
    row = _object(
        {
            "key": {"type": "string"},
            "label": {"type": "string"},
            "unit": {"type": "string"},
            "values": {"type": "array", "items": number, "description": "per report, in reports' order"},
        }
    )
    spans = {"type": "array", "items": {"type": "array", "items": {"type": "integer", "minimum": 0}}}
    side = _object({"text": _nullable("string"), "shared": {**spans, "description": "[start, end) spans"}})
    pair = _object(
        {"key": {"type": "string"}, "label": {"type": "string"}, "unit": {"type": "string"},
         "a": number, "b": number, "difference": _nullable("number", description="b - a")}
    )  # fmt: skip
    comparison = _object(
        {
            "a": _ref("AgencyReport"),
            "b": _ref("AgencyReport"),
            "facets": {"type": "array", "items": pair},
            "sections": {
                "type": "array",
                "items": _object({"name": {"type": "string"}, "a": side, "b": side}),
            },
        }
    )
    history = _object(
        {
            "key": {"type": "string"},
            "name": {"type": "string", "description": "the fullest of the names its reports print"},
            "names": _strings(),
            "reports": {"type": "array", "items": _ref("AgencyReport"), "minItems": 1},
            "facets": {"type": "array", "items": row},
            "comparison": {**_ref("Comparison"), "nullable": True},
        }
    )
    return {"AgencyReport": report, "AgencyHistory": history, "Comparison": comparison}


def _similar_schema() -> dict:
    """The answer of /api/reports/{id}/similar: per section, the reports that share its text."""
    other = _object(
        {
            "id": {"type": "string"},
            "agency": _nullable("string"),
            "year": _nullable("integer"),
            "title": _nullable("string"),
            "similarity": {
                "type": "number", "minimum": 0.5, "maximum": 1,
                "description": "the share of this report's section's own text (template sentences left out)"
                " that the other report's same section also has",
            },
            "same_agency": {"type": "boolean", "description": "the same body (normalised agency key)"},
            "previous_year": {"type": "boolean", "description": "the same body's report of the year before"},
        }
    )  # fmt: skip
    section = _object(
        {
            "section": {"type": "string", "enum": list(SECTION_NAMES)},
            "reports": {"type": "array", "items": other, "minItems": 1, "maxItems": 10,
                        "description": "most similar first"},
        }
    )  # fmt: skip
    return _object(
        {
            "id": {"type": "string"},
            "available": {"type": "boolean", "description": "false when the index has no copied-text file"},
            "sections": {"type": "array", "items": section},
        }
    )


def _overview_schema() -> dict:
    """The answer of /api/overview (indexer.overview): what the index holds, counted."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "total",
            "years",
            "year_unknown",
            "provinces",
            "province_unknown",
            "levels",
            "templates",
            "checks",
            "consistency",
            "maxima",
            "coverage",
            "similarity",
            "generation",
            "took_ms",
        ],
        "properties": {
            "total": {
                "type": "integer",
                "minimum": 0,
                "description": "reports in the index (deleted ones not counted)",
            },
            "years": {
                "type": "array",
                "description": "oldest first; search: in YEAR",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["value", "count"],
                    "properties": {"value": {"type": "integer"}, "count": {"type": "integer", "minimum": 1}},
                },
            },
            "year_unknown": {"type": "integer", "minimum": 0, "description": "reports of no known year"},
            "provinces": {
                "type": "array",
                "description": "most first, ties in pinyin order; search: 地区:VALUE",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["value", "count"],
                    "properties": {"value": {"type": "string"}, "count": {"type": "integer", "minimum": 1}},
                },
            },
            "province_unknown": {
                "type": "integer",
                "minimum": 0,
                "description": "reports naming no province",
            },
            "levels": {
                "type": "array",
                "description": "all four levels in this order, zeros included; search: 级别:VALUE",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["value", "count"],
                    "properties": {
                        "value": {"type": "string", "enum": ["省级", "市级", "县级", "未知"]},
                        "count": {"type": "integer", "minimum": 0},
                    },
                },
            },
            "templates": {
                "type": "array",
                "description": "search: 模板:VALUE",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["value", "name", "count"],
                    "properties": {
                        "value": {"type": "string", "description": "2019, 2021 or free"},
                        "name": {"type": "string"},
                        "count": {"type": "integer", "minimum": 1},
                    },
                },
            },
            "checks": {
                "type": "array",
                "description": "one row per check rule (检查:RULE)",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["rule", "description", "failed", "ran", "rate"],
                    "properties": {
                        "rule": {"type": "string"},
                        "description": {"type": "string"},
                        "failed": {"type": "integer", "minimum": 0},
                        "ran": {
                            "type": "integer",
                            "minimum": 0,
                            "description": "reports the check ran on (failed or passed)",
                        },
                        "rate": {
                            "type": "number",
                            "nullable": True,
                            "minimum": 0,
                            "maximum": 1,
                            "description": "failed / ran; null when it never ran",
                        },
                    },
                },
            },
            "consistency": {
                "type": "object",
                "additionalProperties": False,
                "required": ["states", "failed", "checked", "rate"],
                "description": "the tables' own sums (勾稽:不符 / 勾稽:相符)",
                "properties": {
                    "states": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["value", "name", "count"],
                            "properties": {
                                "value": {"type": "string", "enum": ["no", "yes", "unknown"]},
                                "name": {"type": "string"},
                                "count": {"type": "integer", "minimum": 0},
                            },
                        },
                    },
                    "failed": {"type": "integer", "minimum": 0},
                    "checked": {"type": "integer", "minimum": 0},
                    "rate": {"type": "number", "nullable": True, "minimum": 0, "maximum": 1},
                },
            },
            "maxima": {
                "type": "array",
                "description": "per main facet, its 10 largest values above 0, largest first",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["key", "label", "unit", "reports"],
                    "properties": {
                        "key": {"type": "string"},
                        "label": {"type": "string"},
                        "unit": {"type": "string"},
                        "reports": {
                            "type": "array",
                            "maxItems": 10,
                            "items": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["id", "agency", "year", "value"],
                                "properties": {
                                    "id": {"type": "string"},
                                    "agency": {"type": "string", "nullable": True},
                                    "year": {"type": "integer", "nullable": True},
                                    "value": {"type": "number"},
                                },
                            },
                        },
                    },
                },
            },
            "coverage": {
                "type": "object",
                "additionalProperties": False,
                "required": ["buckets", "median", "with_warnings", "warning_share"],
                "properties": {
                    "buckets": {
                        "type": "array",
                        "description": "reports by how many facets (read, not derived) they hold",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["min", "max", "count"],
                            "properties": {
                                "min": {"type": "integer", "minimum": 0},
                                "max": {
                                    "type": "integer",
                                    "nullable": True,
                                    "description": "null: no upper limit",
                                },
                                "count": {"type": "integer", "minimum": 0},
                            },
                        },
                    },
                    "median": {"type": "number", "nullable": True},
                    "with_warnings": {"type": "integer", "minimum": 0},
                    "warning_share": {"type": "number", "nullable": True, "minimum": 0, "maximum": 1},
                },
            },
            "similarity": {
                "type": "object",
                "nullable": True,
                "additionalProperties": False,
                "description": "null: the index has no copied-text file",
                "required": ["min_similarity", "pairs", "clusters_total", "clusters"],
                "properties": {
                    "min_similarity": {"type": "number"},
                    "pairs": {"type": "integer", "minimum": 0},
                    "clusters_total": {"type": "integer", "minimum": 0},
                    "clusters": {
                        "type": "array",
                        "maxItems": 20,
                        "description": "largest first; search: 雷同:SECTION > min_similarity",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["section", "size", "highest", "reports"],
                            "properties": {
                                "section": {"type": "string"},
                                "size": {"type": "integer", "minimum": 2},
                                "highest": {"type": "number"},
                                "reports": {
                                    "type": "array",
                                    "maxItems": 50,
                                    "description": "newest first",
                                    "items": {
                                        "type": "object",
                                        "additionalProperties": False,
                                        "required": ["id", "agency", "year"],
                                        "properties": {
                                            "id": {"type": "string"},
                                            "agency": {"type": "string", "nullable": True},
                                            "year": {"type": "integer", "nullable": True},
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
            "generation": {"type": "integer", "description": "the index generation the counts are of"},
            "took_ms": {"type": "number", "minimum": 0},
        },
    }


def _schemas() -> dict:
    return {
        "Error": _error_schema(),
        "Region": _region_schema(),
        "FacetValues": _facet_values_schema(),
        "Highlight": _highlight_schema(),
        "SearchHit": _hit_schema(),
        "FacetCounts": _counts_schema(),
        "SearchAnswer": _search_schema(),
        "Report": _record_schema(),
        "Facet": _facet_schema(),
        "QueryName": _named_schema(),
        "FacetsAnswer": _facets_answer_schema(),
        "FacetSeries": _stats_schema(),
        **_agency_schemas(),
        "SimilarReports": _similar_schema(),
        "Overview": _overview_schema(),
    }


def _json(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


def _query_param(name: str, schema: dict, description: str, required: bool = False) -> dict:
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def _q_param(*examples: str) -> dict:
    param = _query_param(
        "q", {"type": "string"}, "a query in the query language (query-language.md)", required=True
    )
    return {**param, "examples": {f"example{i}": {"value": text} for i, text in enumerate(examples, 1)}}


def facet_names() -> list[str]:
    """Every name /api/stats accepts for its facet: canonical keys, then aliases."""
    keys = list(registry_facets())
    return list(dict.fromkeys(keys + [alias for f in registry_facets().values() for alias in f.aliases]))


def _facet_param() -> dict:
    schema = {"type": "string", "enum": facet_names()}
    param = _query_param("facet", schema, "a canonical facet key or alias", required=True)
    return {**param, "example": "政府集中采购.总金额_万元"}


def _search_params() -> list[dict]:
    return [
        _q_param("行政处罚 > 10 in 2020", "问题:人手不足", "in 2019..2020"),
        _query_param("page", {"type": "integer", "minimum": 1, "default": 1}, "page number, from 1"),
        _query_param(
            "per_page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": 20},
            "results per page",
        ),
        _query_param(
            "sort",
            {"type": "string", "default": "relevance"},
            "relevance (default), year, -year, or a facet (key, alias such as 处罚, or the start of a key), '-' first for descending",
        ),
    ]


def _operation(op_id: str, summary: str, params: list[dict], ok: tuple[str, str], errors: dict) -> dict:
    responses = {"200": _json(*ok), **{code: _json(text, "Error") for code, text in errors.items()}}
    return {"get": {"operationId": op_id, "summary": summary, "parameters": params, "responses": responses}}


def _paths() -> dict:
    from . import MAX_QUERY_STRING  # the app module imports this one: read when the paths are built

    bad = {
        "400": f"the query or a parameter cannot be understood, is past a limit (query_too_long: {MAX_CHARS:,} "
        f"characters; too_many_terms: {MAX_TERMS}; too_deep: {MAX_DEPTH} levels; page_too_large: page "
        f"{MAX_PAGE:,}; per_page 1-{MAX_PER_PAGE}), or the search ran past its deadline (search_too_slow): "
        "the error's code says which",
        "414": f"the query string is longer than {MAX_QUERY_STRING:,} bytes (address_too_long)",
    }
    report_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    agency_key = {"name": "key", "in": "path", "required": True, "schema": {"type": "string"},
                  "description": "the normalised agency key (a report's agency_key)"}  # fmt: skip
    compared = [
        _query_param(side, {"type": "string"}, f"a report id of this body to compare ({side}: both or none)")
        for side in ("a", "b")
    ]
    return {
        "/api/search": _operation(
            "search", "Search the reports", _search_params(), ("one page of results", "SearchAnswer"), bad
        ),
        "/api/reports/{id}": _operation(
            "getReport", "One report's extraction record", [report_id],
            ("the extraction record", "Report"), {"404": "no report with that id"},
        ),
        "/api/agencies/{key}": _operation(
            "getAgency", "One body's reports over the years; with a and b, two of them compared",
            [agency_key, *compared], ("the body's history", "AgencyHistory"),
            {"400": "a or b is missing, or not a report of this body", "404": "no report has that key"},
        ),
        "/api/reports/{id}/similar": _operation(
            "similarReports", "Per section, the reports whose same section holds most of this report's own text (雷同)",
            [report_id], ("the similar reports by section", "SimilarReports"),
            {"404": "no report with that id", "503": "the copied-text index cannot be used (similarity_store_error)"},
        ),
        "/api/compare": _operation(
            "compareReports", "Any two reports side by side: facets with b - a, each section's text with the"
            " passages both share", [
                _query_param(side, {"type": "string"}, f"the report id shown on the {where} (a and b both required)",
                             required=True)
                for side, where in (("a", "left"), ("b", "right"))
            ], ("the two reports compared", "Comparison"),
            {"400": "a or b is missing (incomplete_pair)", "404": "no report has a or b (report_not_found)"},
        ),
        "/api/overview": _operation(
            "getOverview", "What the index holds: reports by year, province, level and template; check failure"
            " rates; the largest values of the main facets; extraction coverage; copied-text clusters", [],
            ("the corpus overview (kept per index generation: took_ms is the time it took when computed)", "Overview"),
            {},
        ),
        "/api/facets": _operation(
            "listFacets", "The facet registry and the query language's names", [],
            ("facets, sections and fields", "FacetsAnswer"), {},
        ),
        "/api/stats": _operation(
            "facetSeries", "A facet's sums and medians by year and by province over a query's reports",
            [_q_param("in 2019..2020", "地区:重庆"), _facet_param()], ("the facet's series", "FacetSeries"), bad,
        ),
        "/api/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "This description",
                "responses": {"200": {"description": "the OpenAPI document",
                                      "content": {"application/json": {"schema": {"type": "object"}}}}},
            }
        },
    }  # fmt: skip


@lru_cache(maxsize=1)
def _cached() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "nianbao",
            "version": "0.1.0",
            "description": "Search Chinese government information-disclosure annual reports "
            "(政府信息公开工作年度报告) by words, facet values, years, sections and metadata. "
            'Errors answer {"error": {code, message, message_zh, position, suggestions}}: `code` and '
            "the English `message` are stable for scripts; `message_zh` is the same error in Chinese, "
            "as the web pages show it. Values are never rounded here.",
        },
        "paths": _paths(),
        "components": {"schemas": _schemas()},
    }


def document() -> dict:
    """The OpenAPI document (a fresh copy each call, safe to change)."""
    return copy.deepcopy(_cached())
