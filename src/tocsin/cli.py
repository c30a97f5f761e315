"""The ``tocsin`` command: analyse, ingest and list events; the only module that writes to the terminal."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from tocsin import __version__
from tocsin.errors import TocsinError
from tocsin.model import Analysis, Article, Rejection

__all__ = ["cli", "main"]


class _Group(click.Group):
    """Turns every ``TocsinError`` into its coded message and exit status (1), once, at the edge."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TocsinError as exc:
            click.echo(f"error: {exc.message}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="tocsin")
def cli() -> None:
    """tocsin: news reports to verified, geolocated security events and alerts."""


def _settings() -> Any:
    from tocsin import settings

    return settings.from_env()


def _engine() -> Any:
    from tocsin import store

    return store.connect(_settings().database_url)


def _read_inputs(paths: Iterable[str], published: str | None) -> Iterator[Article | Rejection]:
    from tocsin.ingest import read_bytes, read_path

    for path in paths:
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), source="<stdin>", published=published)
        else:
            yield from read_path(path, published=published)


def _report_rejection(rejection: Rejection) -> None:
    click.echo(f"rejected: {rejection.message}", err=True)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) when the input has none.")
@click.option("--json", "as_json", is_flag=True, help="Write one JSON object per article (the public contract).")
@click.option("--jsonl", "jsonl", is_flag=True,
              help="Read JSON Lines records {id, text, published?, title?, url?} from FILE ('-' for stdin).")
def analyze(files: tuple[str, ...], published: str | None, as_json: bool, jsonl: bool) -> None:
    """Analyse articles and print what was found (nothing is stored)."""
    if not files:
        raise click.UsageError("give at least one FILE, or '-' for standard input")
    if jsonl:
        rejected = _analyze_jsonl(files, published)
    else:
        rejected = _analyze_files(files, published, as_json)
    if rejected:
        sys.exit(1)


def _analyze_files(files: tuple[str, ...], published: str | None, as_json: bool) -> int:
    from tocsin.pipeline import analyze_stream

    rejected = 0
    articles: list[tuple[Article, None]] = []
    for item in _read_inputs(files, published):
        if isinstance(item, Rejection):
            rejected += 1
            _report_rejection(item)
        else:
            articles.append((item, None))
    for analysis, _ in analyze_stream(articles):
        click.echo(json.dumps(analysis.to_record(), ensure_ascii=False) if as_json else _summary(analysis))
    return rejected


def _analyze_jsonl(files: tuple[str, ...], published: str | None) -> int:
    """Stream records through the pipeline; every input record gets exactly one output line, in order."""
    from tocsin.ingest import read_jsonl
    from tocsin.pipeline import analyze_stream

    rejected = 0
    for name in files:
        stream = sys.stdin if name == "-" else open(name, encoding="utf-8")  # noqa: SIM115
        with stream:
            pending: list[tuple[Article, Any]] = []
            for item, record_id in read_jsonl(stream, source=name if name != "-" else "<stdin>",
                                              published=published):
                if isinstance(item, Rejection):
                    rejected += 1
                    for analysis, rid in analyze_stream(pending):
                        click.echo(json.dumps({**analysis.to_record(), "id": rid}, ensure_ascii=False))
                    pending = []
                    click.echo(json.dumps({"id": record_id, "error": {"code": item.code, "message": item.message}},
                                          ensure_ascii=False))
                else:
                    pending.append((item, record_id if record_id is not None else item.id))
            for analysis, rid in analyze_stream(pending):
                click.echo(json.dumps({**analysis.to_record(), "id": rid}, ensure_ascii=False))
    return rejected


def _summary(analysis: Analysis) -> str:
    from tocsin.export import to_table

    article = analysis.article
    lines = [f"article {article.id}  published {article.published or '?'} ({article.published_source})"]
    if article.published_candidates:
        lines.append(f"  date candidates: {', '.join(article.published_candidates)}")
    lines.append(to_table(analysis.events))
    for claim in analysis.claims:
        if claim.advice:
            lines.append(f"  ADVICE ({claim.issuer or '?'}): {claim.content.text}")
    for flag in analysis.flags:
        lines.append(f"  flag {flag.kind}: {flag.message}")
    return "\n".join(lines)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD) for inputs that have none.")
def ingest(paths: tuple[str, ...], published: str | None) -> None:
    """Analyse articles and store them with their events; rejected inputs are recorded with the reason."""
    from tocsin import process

    engine = _engine()
    counts = process.store_stream(engine, _read_inputs(paths, published), on_rejection=_report_rejection)
    click.echo(f"stored {counts.stored} article(s), {counts.duplicates} already stored, {counts.events} event(s); "
               f"rejected {counts.rejected}")
    if counts.rejected:
        sys.exit(1)


@cli.command()
@click.argument("article_ids", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Re-process every stored article.")
def reprocess(article_ids: tuple[str, ...], everything: bool) -> None:
    """Run stored articles through the current pipeline again; incidents keep their ids, changes are versioned."""
    from tocsin import process

    if not article_ids and not everything:
        raise click.UsageError("give ARTICLE_ID... or --all")
    counts = process.reprocess(_engine(), article_ids=None if everything else article_ids)
    click.echo(f"re-processed {counts.stored} article(s); {counts.events} event(s) now behind them")


@cli.command()
@click.option("--since", metavar="DATE", help="Only events on or after this date.")
@click.option("--until", metavar="DATE", help="Only events on or before this date.")
@click.option("--country", metavar="ISO2", help="Only events in this country (ISO 3166 alpha-2).")
@click.option("--type", "event_type", metavar="TYPE", help="Only events of this ACLED event type.")
@click.option("--historical", is_flag=True, help="Include background (historical) events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "geojson"]), default="table",
              show_default=True)
def events(since: str | None, until: str | None, country: str | None, event_type: str | None,
           historical: bool, fmt: str) -> None:
    """List stored events, with analysts' reviews laid over the machine's coding (rejected ones left out)."""
    from tocsin import review
    from tocsin.export import render

    flt = review.EventQuery(since=since, until=until, country=country, event_type=event_type,
                            include_historical=historical)
    with _engine().connect() as conn:
        found, _ = review.query_events(conn, flt)
    click.echo(render(found, fmt))


@cli.command()
@click.option("--code", metavar="CODE", help="Only rejections with this error code (e.g. E104).")
def rejections(code: str | None) -> None:
    """List the inputs that were rejected, with the reason."""
    from tocsin import store

    with _engine().connect() as conn:
        for rejection in store.list_rejections(conn, code=code):
            click.echo(f"{rejection.code}  {rejection.source}  {rejection.message}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--public", is_flag=True, help="Let anyone who reaches the server read events without signing in.")
def serve(host: str, port: int, public: bool) -> None:
    """Serve the HTTP API and the dashboard."""
    import dataclasses

    from tocsin.web import serve as run_server

    settings = _settings()
    if public:
        settings = dataclasses.replace(settings, public_read=True)
    click.echo(f"tocsin: dashboard and API on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    run_server(settings, host=host, port=port)


@cli.group()
def users() -> None:
    """Manage accounts (viewer, analyst, admin) and their API tokens."""


@users.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["viewer", "analyst", "admin"]), default="viewer", show_default=True)
def users_add(name: str, role: str) -> None:
    """Create an account and print its API token (shown once; only its hash is stored)."""
    from tocsin import accounts

    with _engine().begin() as conn:
        token = accounts.add_user(conn, name, role)
    click.echo(token)


@users.command("token")
@click.argument("name")
def users_token(name: str) -> None:
    """Give an account a new API token and print it; the old one stops working."""
    from tocsin import accounts

    with _engine().begin() as conn:
        token = accounts.rotate_token(conn, name)
    click.echo(token)


@users.command("list")
def users_list() -> None:
    """List the accounts and their roles."""
    from tocsin import accounts

    with _engine().connect() as conn:
        for user in accounts.list_users(conn):
            click.echo(f"{user.name}\t{user.role.value}")


def _register_live_loop() -> None:
    from tocsin.cli_alerts import register

    register(cli)


_register_live_loop()


def main() -> None:
    """Entry point of the ``tocsin`` console script."""
    cli(prog_name="tocsin")


if __name__ == "__main__":  # pragma: no cover
    main()
