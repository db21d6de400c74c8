"""The browse view, ``/browse``: every report, sortable by year, agency and province, paged,
with the sidebar's counts (each links to the search that narrows to it).

It is where an empty query leads (``/?q=`` redirects here), so that a person
who has not typed anything yet sees what the index holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from flask import render_template, request, url_for

from indexer.registry import TEMPLATE_NAMES
from indexer.search import BadRequest, browse

from . import get_index
from .pages import PER_PAGE_CHOICES, _pager, bp
from .params import BadParameter, int_arg
from .state import State, sidebar

# (sort value, label of the choice); the first is the default.
SORTS = (
    ("-year", "年度：新 → 旧"),
    ("year", "年度：旧 → 新"),
    ("agency", "机关名称（按拼音）"),
    ("-agency", "机关名称（倒序）"),
    ("province", "省份（按拼音）"),
    ("-province", "省份（倒序）"),
)
# Table columns that sort when clicked: column → (ascending, descending).
COLUMNS = {"year": ("-year", "year"), "agency": ("agency", "-agency"), "province": ("province", "-province")}


@dataclass(frozen=True)
class BrowseState:
    """The browse view's state in the URL; ``url`` leaves defaults out, like ``State.url``."""

    page: int = 1
    per_page: int = 20
    sort: str = "-year"
    q = ""  # no query: the sidebar's entries start one

    def url(self, **changes) -> str:
        state = replace(self, **changes)
        params = {k: v for k, v in asdict(state).items() if v != getattr(BrowseState, k)}
        return url_for("pages.browse_page", **params)

    def aria_sort(self, column: str) -> str | None:
        """``ascending``/``descending`` for the column the list is sorted by, else None."""
        first, second = COLUMNS[column]
        if self.sort not in (first, second):
            return None
        return "descending" if self.sort.startswith("-") else "ascending"

    def column_url(self, column: str) -> str:
        """A column heading's link: sorts by it, or flips the order when it already sorts."""
        first, second = COLUMNS[column]
        return self.url(sort=second if self.sort == first else first, page=1)


@bp.get("/browse")
def browse_page():
    """All reports, a page at a time; bad paging or sort is said in Chinese beside the list."""
    try:
        state = BrowseState(
            int_arg("page", 1), int_arg("per_page", 20), request.args.get("sort", "").strip() or "-year"
        )
        listing = browse(get_index(), state.page, state.per_page, state.sort)
    except (BadParameter, BadRequest) as err:
        return _render(BrowseState(), error=err.message_zh), 400
    pager = _pager(listing["page"], max(1, -(-listing["total"] // listing["per_page"])))
    return _render(state, listing=listing, pager=pager, groups=sidebar(State(), listing["facet_counts"]))


def _render(state: BrowseState, **context) -> str:
    return render_template(
        "browse.html",
        state=state,
        sorts=SORTS,
        per_page_choices=PER_PAGE_CHOICES,
        template_names=TEMPLATE_NAMES,
        **context,
    )
