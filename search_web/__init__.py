"""Web front end and JSON API: ``create_app(config)`` builds the Flask app.

Two blueprints: ``pages`` (HTML; its routes live in ``pages``, ``browse``,
``reports`` and ``exports``) and ``api`` (JSON under /api). Both call the same
library functions in ``indexer`` and only translate their plain data. The index
is opened once per app and shared by all requests. Every error a person reads
is Chinese; the API's error object keeps its English ``message`` beside
``message_zh`` (``messages.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, Response, jsonify, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException
from whoosh.index import IndexError as WhooshIndexError
from whoosh.index import LockError

from indexer.errors import NianbaoError
from indexer.live import LiveIndex
from indexer.store import index_folder, open_existing

from .messages import TITLES, AddressTooLong, IndexUnavailable, http_error

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ]
)

log = logging.getLogger(__name__)


SEARCH_TIMEOUT = 5.0  # seconds: a normal query over 2,000 reports takes well under a tenth of that
EXPORT_LIMIT = 20_000  # reports per export: about 40 MB of CSV, a minute of one worker at most
# Bytes of query string: a query at its 1,000-character limit, percent-encoded, is at most 9,000.
MAX_QUERY_STRING = 32_768


def create_app(test_config: dict | None = None) -> Flask:
    """The app; ``INDEX_DIR`` (default: $NIANBAO_INDEX, else ./index_data) names the index.

    ``SEARCH_TIMEOUT`` (seconds, None: none) bounds each search, stats and export
    query; ``EXPORT_LIMIT`` is the most reports one export holds.
    """
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX_DIR=None, JSON_AS_ASCII=False, SEARCH_TIMEOUT=SEARCH_TIMEOUT, EXPORT_LIMIT=EXPORT_LIMIT
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = str(index_folder(app.config["INDEX_DIR"]))
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import agencies, api, browse, exports, filters, overview, pages, reports  # noqa: F401 (routes and filters)
    from .similar import compare_page  # noqa: F401 (similar reports, /compare, /api/compare)

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    _register_errors(app)
    app.before_request(_query_string_size)
    app.after_request(_security_headers)
    return app


def _query_string_size():
    """A 414 naming the limit before any parameter is read (the server's own header limit is larger,
    ``serve.MAX_HEADER_BYTES``, so that an over-long address gets this answer, not a reset)."""
    size = len(request.environ.get("QUERY_STRING", ""))
    if size > MAX_QUERY_STRING:
        raise AddressTooLong(size, MAX_QUERY_STRING)


def get_index():
    """The app's index, opened on first use and kept, with a searcher per thread (``LiveIndex``)."""
    from flask import current_app

    ix = current_app.extensions.get("nianbao_index")
    if ix is None:
        ix = LiveIndex(open_existing(Path(current_app.config["INDEX_DIR"])))
        current_app.extensions["nianbao_index"] = ix
    return ix


def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(body: dict, status: int, headers: dict | None = None):
    """The same error object for both audiences: JSON under /api, a Chinese page elsewhere."""
    title = TITLES.get(status, TITLES[500] if status >= 500 else TITLES[400])
    if wants_json():
        response = jsonify({"error": body})
    elif request_ctx.url_adapter is None:  # a Host header werkzeug refused (BadHost): no link can be built
        response = Response(f"{title}\n{body['message_zh']}\n", mimetype="text/plain")
    else:
        response = render_template("error.html", error=body, status=status, title=title)
    retry = {"Retry-After": "10"} if status == 503 else {}
    return response, status, {**retry, **(headers or {})}


def _register_errors(app: Flask) -> None:
    @app.errorhandler(NianbaoError)
    def nianbao_error(err: NianbaoError):
        return error_response(err.to_dict(), err.status)

    @app.errorhandler(WhooshIndexError)
    @app.errorhandler(LockError)
    def index_unavailable(err):
        """An index being rebuilt or replaced under the server: try again, not a crash."""
        log.warning("index unavailable on %s: %s", request.path, err)
        unavailable = IndexUnavailable(type(err).__name__)
        return error_response(unavailable.to_dict(), unavailable.status)

    @app.errorhandler(HTTPException)
    def http_error_page(err: HTTPException):
        status = err.code or 500
        allow = {k: v for k, v in err.get_headers() if k == "Allow"}  # a 405 says what is allowed
        return error_response(http_error(status, request.path, request.method), status, allow)

    @app.errorhandler(500)
    def server_error(err):  # Flask has already logged the exception with its traceback
        return error_response(http_error(500, request.path, request.method), 500)
