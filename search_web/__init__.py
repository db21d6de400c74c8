"""Web front end and JSON API: ``create_app(config)`` builds the Flask app.

Two blueprints: ``pages`` (HTML) and ``api`` (JSON under /api). Both call the
same library functions in ``indexer`` and only translate their plain data.
The index is opened once per app and shared by all requests.
"""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, jsonify, render_template, request

from indexer.errors import NianbaoError
from indexer.store import index_folder, open_existing

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


def create_app(test_config: dict | None = None) -> Flask:
    """The app; ``INDEX_DIR`` (default: $NIANBAO_INDEX, else ./index_data) names the index."""
    app = Flask(__name__)
    app.config.from_mapping(INDEX_DIR=None, JSON_AS_ASCII=False)
    if test_config:
        app.config.from_mapping(test_config)
    app.config["INDEX_DIR"] = str(index_folder(app.config["INDEX_DIR"]))
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from . import api, pages

    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    _register_errors(app)
    app.after_request(_security_headers)
    return app


def get_index():
    """The app's index, opened on first use and kept (Whoosh readers reopen per searcher)."""
    from flask import current_app

    ix = current_app.extensions.get("nianbao_index")
    if ix is None:
        ix = open_existing(Path(current_app.config["INDEX_DIR"]))
        current_app.extensions["nianbao_index"] = ix
    return ix


def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/")


def _error_response(body: dict, status: int):
    """The same error object for both audiences: JSON under /api, a page elsewhere."""
    if wants_json():
        return jsonify({"error": body}), status
    return render_template("error.html", error=body, status=status), status


def _error(code: str, message: str) -> dict:
    return {"code": code, "message": message, "position": None, "suggestions": []}


def _register_errors(app: Flask) -> None:
    @app.errorhandler(NianbaoError)
    def nianbao_error(err: NianbaoError):
        body = err.to_dict()
        if err.hint:
            body = {**body, "hint": err.hint}
        return _error_response(body, err.status)

    @app.errorhandler(404)
    def not_found(err):
        return _error_response(_error("not_found", f"nothing at {request.path}"), 404)

    @app.errorhandler(405)
    def not_allowed(err):
        return _error_response(_error("method_not_allowed", f"{request.method} is not allowed here"), 405)

    @app.errorhandler(500)
    def server_error(err):
        log.exception("internal error on %s", request.path)
        return _error_response(_error("internal_error", "something went wrong on our side"), 500)
