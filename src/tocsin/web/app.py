"""The FastAPI application: API routers, the offline dashboard's files, error answers, security headers."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from tocsin import __version__, store
from tocsin.errors import ConfigError, InputRejected, StoreError, TaxonomyError, TocsinError
from tocsin.settings import Settings
from tocsin.web import alerts, api, articles, auth
from tocsin.web.security import SecurityHeaders

__all__ = ["STATIC", "create_app"]

STATIC = Path(__file__).resolve().parent / "static"
# Error codes that mean "not found" or "conflicts with the current state" rather than "bad input".
_NOT_FOUND = frozenset({"E452", "E456", "E466", "E610"})
_CONFLICT = frozenset({"E451", "E457", "E609"})


def _status_of(exc: TocsinError) -> int:
    if exc.code in _NOT_FOUND:
        return 404
    if exc.code in _CONFLICT:
        return 409
    if isinstance(exc, InputRejected | TaxonomyError | ConfigError):
        return 422
    return 503 if isinstance(exc, StoreError) else 500


async def _tocsin_error(_request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, TocsinError):  # pragma: no cover - registered for TocsinError only
        raise exc
    return JSONResponse({"detail": {"code": exc.code, "message": exc.message}}, status_code=_status_of(exc))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    where = "; ".join(".".join(str(p) for p in e.get("loc", ())) + ": " + str(e.get("msg")) for e in errors)
    return JSONResponse({"detail": {"code": "E468", "message": f"[E468] bad request: {where}"}}, status_code=422)


def create_app(settings: Settings, *, engine: sa.Engine | None = None) -> FastAPI:
    """Build the web application over the database named in ``settings`` (or an open ``engine``)."""
    app = FastAPI(title="tocsin", version=__version__, docs_url=None, redoc_url=None,
                  description="Verified, geolocated security events from news reports, with their evidence.")
    app.state.settings = settings
    app.state.engine = engine if engine is not None else store.connect(settings.database_url)
    app.add_exception_handler(TocsinError, _tocsin_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.include_router(auth.router)
    app.include_router(api.router)
    app.include_router(articles.router)
    app.include_router(alerts.router)
    _add_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _add_pages(app: FastAPI) -> None:
    @app.get("/healthz", include_in_schema=True)
    def healthz() -> dict[str, str]:
        """Liveness and database check."""
        with app.state.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"cache-control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
