"""The ``tocsin`` commands of the live loop: sources, subscribe, alerts, dispatch and watch.

They are registered on the main group by ``cli.py``; like it, this module is an edge and may write to the
terminal.
"""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path
from typing import Any

import click

__all__ = ["register"]


def _settings() -> Any:
    from tocsin import settings

    return settings.from_env()


def _engine() -> Any:
    from tocsin import store

    return store.connect(_settings().database_url)


def _dispatch_config(lease_s: float = 60.0, backoff_s: float = 2.0, max_attempts: int = 12) -> Any:
    from tocsin.alert.dispatch import DispatchConfig
    from tocsin.alert.mail import SmtpConfig

    cfg = _settings()
    smtp = SmtpConfig(host=cfg.smtp_host, port=cfg.smtp_port, mail_from=cfg.mail_from) if cfg.smtp_host else None
    return DispatchConfig(sender=cfg.sender, base_url=cfg.public_url, smtp=smtp, lease_s=lease_s,
                          backoff_base_s=backoff_s, max_attempts=max_attempts)


def _stop_on_signals() -> threading.Event:
    stop = threading.Event()

    def _handler(signum: int, _frame: Any) -> None:
        click.echo(f"received signal {signum}; stopping after the current step", err=True)
        stop.set()

    signal.signal(signal.SIGTERM, _handler)
    signal.signal(signal.SIGINT, _handler)
    return stop


@click.group()
def sources() -> None:
    """Manage the feeds and pages that `tocsin watch` polls."""


@sources.command("add")
@click.argument("url")
@click.option("--every", default="5m", show_default=True, help="Poll interval (e.g. 30s, 5m, 1h).")
@click.option("--allow-private", is_flag=True, help="Allow private and loopback addresses (tests, intranets).")
def sources_add(url: str, every: str, allow_private: bool) -> None:
    """Watch URL (an RSS/Atom feed or a page)."""
    from tocsin.watch import add_source, parse_every

    with _engine().begin() as conn:
        source = add_source(conn, url, every_s=parse_every(every), allow_private=allow_private)
    click.echo(f"source {source.id}: {source.url} every {source.every_s:g} s")


@sources.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources_list(as_json: bool) -> None:
    """List the watched sources and their health."""
    import dataclasses

    from tocsin.watch import list_sources

    with _engine().connect() as conn:
        found = list_sources(conn)
    for s in found:
        if as_json:
            click.echo(json.dumps(dataclasses.asdict(s)))
            continue
        health = "ok" if not s.failures else f"FAILING x{s.failures}: {s.last_error}"
        click.echo(f"{s.id:>3}  {s.url}  every {s.every_s:g}s  items {s.items_seen}  stored {s.articles_stored}  "
                   f"last success {s.last_success_at or 'never'}  {health}")


@click.group()
def subscribe() -> None:
    """Manage subscriptions: who gets which alerts, where and how."""


@subscribe.command("add")
@click.option("--name", required=True, help="A unique name for the subscription.")
@click.option("--circle", metavar="LAT,LON,KM", help="Area: a circle.")
@click.option("--polygon", type=click.Path(exists=True, dir_okay=False), help="Area: a GeoJSON polygon file.")
@click.option("--country", metavar="ISO2", help="Area: a country.")
@click.option("--region", metavar="ISO2:NAME", help="Area: a first-level region (admin1).")
@click.option("--types", multiple=True, help="Event types, sub-types or families (repeat or comma-separate).")
@click.option("--min-severity", type=click.Choice(["Minor", "Moderate", "Severe", "Extreme"]))
@click.option("--min-certainty", type=click.Choice(["Unlikely", "Possible", "Likely", "Observed"]))
@click.option("--webhook", metavar="URL", help="Deliver signed Standard Webhooks to URL.")
@click.option("--secret", metavar="SECRET", help="The webhook signing secret (whsec_<base64> or any string).")
@click.option("--email", metavar="ADDRESS", help="Deliver e-mail to ADDRESS.")
@click.option("--quiet-hours", metavar="HH:MM-HH:MM", help="Hold non-urgent alerts during these hours.")
@click.option("--timezone", default="UTC", show_default=True, help="Time zone of the quiet hours and the day.")
@click.option("--daily-cap", type=int, help="At most this many alerts a day; the rest come as a digest.")
def subscribe_add(name: str, circle: str | None, polygon: str | None, country: str | None, region: str | None,
                  types: tuple[str, ...], min_severity: str | None, min_certainty: str | None, webhook: str | None,
                  secret: str | None, email: str | None, quiet_hours: str | None, timezone: str,
                  daily_cap: int | None) -> None:
    """Add a subscription (exactly one area)."""
    from tocsin.alert import area
    from tocsin.alert.subscriptions import Subscription, add_subscription, normalise_types

    given = [(circle, area.circle), (country, area.country), (region, area.region),
             (polygon and Path(polygon).read_text(encoding="utf-8"), area.polygon)]
    chosen = [(value, build) for value, build in given if value]
    if len(chosen) != 1:
        raise click.UsageError("give exactly one area: --circle, --polygon, --country or --region")
    value, build = chosen[0]
    kinds = normalise_types([t for group in types for t in group.split(",") if t.strip()])
    sub = Subscription(name=name, area=build(value), types=kinds, min_severity=min_severity,  # type: ignore[operator]
                       min_certainty=min_certainty, webhook_url=webhook, webhook_secret=secret, email=email,
                       quiet_hours=quiet_hours, timezone=timezone, daily_cap=daily_cap)
    with _engine().begin() as conn:
        stored = add_subscription(conn, sub)
    click.echo(f"subscription {stored.id}: {stored.name}")


@subscribe.command("list")
def subscribe_list() -> None:
    """List the subscriptions (secrets are never shown)."""
    from tocsin.alert.area import describe
    from tocsin.alert.subscriptions import list_subscriptions

    with _engine().connect() as conn:
        for sub in list_subscriptions(conn, active_only=False):
            channels = ", ".join(sub.channels) or "atom only"
            disabled = "  (webhook DISABLED after 410)" if sub.webhook_disabled else ""
            click.echo(f"{sub.id:>3}  {sub.name}  {describe(sub.area)}  types {','.join(sub.types) or 'all'}  "
                       f"min {sub.min_severity or '-'}/{sub.min_certainty or '-'}  {channels}{disabled}")


@subscribe.command("test")
@click.argument("subscription")
@click.option("--since", default="30d", show_default=True, help="How far back to replay (e.g. 30d, 12h).")
def subscribe_test(subscription: str, since: str) -> None:
    """Replay stored history: which alerts SUBSCRIPTION would have sent, and why."""
    from tocsin.alert.replay import replay
    from tocsin.alert.subscriptions import get_subscription
    from tocsin.watch import parse_every

    days = since[:-1] if since.endswith("d") else None
    seconds = float(days) * 86400 if days and days.replace(".", "").isdigit() else parse_every(since)
    with _engine().connect() as conn:
        sub = get_subscription(conn, subscription)
        found = replay(conn, sub, since_s=seconds)
    for item in found:
        click.echo(f"{item.at}  {item.msg_type:<6}  {item.event_id}  {item.headline}")
        click.echo(f"          why: {'; '.join(item.why)}")
    click.echo(f"{len(found)} alert(s) would have been sent")


@click.command("alerts")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "cap", "atom"]), default="table",
              show_default=True)
@click.option("--subscription", "subscription", metavar="N", help="Only this subscription (id or name).")
@click.option("--limit", type=int, help="At most this many alerts, newest first.")
def alerts_cmd(fmt: str, subscription: str | None, limit: int | None) -> None:
    """Show the alerts sent and their delivery state."""
    from tocsin.alert.atom import to_atom
    from tocsin.alert.cap import to_cap
    from tocsin.alert.outbox import list_alerts
    from tocsin.alert.subscriptions import get_subscription
    from tocsin.store import now

    cfg = _settings()
    with _engine().connect() as conn:
        sub = get_subscription(conn, subscription) if subscription else None
        found = list_alerts(conn, subscription_id=sub.id if sub else None, limit=limit)
    if fmt == "atom":
        if sub is None:
            raise click.UsageError("--format atom needs --subscription N (a feed is per subscription)")
        click.echo(to_atom(sub, [r for r, _ in found], sender=cfg.sender, base_url=cfg.public_url,
                           updated=now()).decode())
    elif fmt == "cap":
        for record, _ in found:
            click.echo(to_cap(record, sender=cfg.sender).decode())
    elif fmt == "json":
        for record, sent in found:
            states = [{k: d[k] for k in ("channel", "status", "attempts", "last_error", "delivered_at")} for d in sent]
            click.echo(json.dumps({**record.to_json(), "deliveries": states}, ensure_ascii=False))
    else:
        for record, sent in found:
            summary = " ".join(f"{d['channel']}:{d['status']}({d['attempts']})" for d in sent) or "atom"
            click.echo(f"{record.created_at[:19]}  {record.id}  {record.msg_type:<6}  sub {record.subscription_id}"
                       f"  {summary}  {record.headline}")


@click.command()
@click.option("--once", is_flag=True, help="Deliver what is due now, then exit.")
@click.option("--interval", default=1.0, show_default=True, help="Seconds between passes.")
@click.option("--lease", "lease_s", default=60.0, show_default=True,
              help="Seconds a claimed delivery stays reserved (a crashed dispatcher's claims expire after it).")
@click.option("--backoff", "backoff_s", default=2.0, show_default=True, help="First retry delay in seconds.")
def dispatch(once: bool, interval: float, lease_s: float, backoff_s: float) -> None:
    """Deliver the outbox: signed webhooks and e-mail, retried with backoff, each alert id once."""
    import httpx

    from tocsin.alert.dispatch import dispatch_once, run

    engine, config = _engine(), _dispatch_config(lease_s, backoff_s)
    with httpx.Client(timeout=10.0) as client:
        if once:
            stats = dispatch_once(engine, client, config)
            click.echo(f"delivered {stats.delivered}, retrying {stats.retried}, failed {stats.failed}, "
                       f"disabled {stats.disabled}")
            return
        stop = _stop_on_signals()
        run(engine, client, config, stop=stop, interval_s=interval,
            on_pass=lambda s: click.echo(f"delivered {s.delivered}, retrying {s.retried}, failed {s.failed}"))
    click.echo("dispatcher stopped", err=True)


@click.command("watch")
@click.option("--once", is_flag=True, help="Poll the due sources and deliver once, then exit.")
@click.option("--tick", default=1.0, show_default=True, help="Longest sleep between rounds, in seconds.")
@click.option("--no-dispatch", is_flag=True, help="Do not deliver alerts (run `tocsin dispatch` separately).")
@click.option("--lease", "lease_s", default=60.0, show_default=True, help="Delivery lease in seconds.")
@click.option("--backoff", "backoff_s", default=2.0, show_default=True, help="First retry delay in seconds.")
def watch_cmd(once: bool, tick: float, no_dispatch: bool, lease_s: float, backoff_s: float) -> None:
    """Poll the sources, store new items with their events, and deliver alerts until SIGTERM."""
    import httpx

    from tocsin.alert.dispatch import dispatch_once
    from tocsin.watch import watch

    engine, config = _engine(), _dispatch_config(lease_s, backoff_s)
    stop = threading.Event() if once else _stop_on_signals()

    def _report(result: Any) -> None:
        if result.error:
            click.echo(f"source {result.source_id}: {result.error}", err=True)
        elif not result.unchanged:
            click.echo(f"source {result.source_id}: {result.items} item(s), {result.stored} new")

    with httpx.Client(timeout=20.0) as client:
        deliver = None if no_dispatch else (lambda: dispatch_once(engine, client, config))
        watch(engine, client, stop=stop, deliver=deliver, tick_s=tick, once=once, on_poll=_report)
    click.echo("watch stopped", err=True)


def register(group: click.Group) -> None:
    """Add the live-loop commands to the ``tocsin`` group."""
    for command in (sources, subscribe, alerts_cmd, dispatch, watch_cmd):
        group.add_command(command)
