"""HTTP API and dashboard: ``create_app(settings)`` builds the application, ``serve`` runs it with uvicorn.

The web stack (FastAPI, uvicorn) is the ``web`` extra; ``import tocsin`` never imports this package.
"""

from __future__ import annotations

from tocsin.settings import Settings
from tocsin.web.app import create_app

__all__ = ["create_app", "serve"]


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API and dashboard until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", proxy_headers=False,
                server_header=False)
