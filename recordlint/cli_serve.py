"""``recordlint serve``: the local draft-check page and HTTP API (registered on cli.main)."""
from __future__ import annotations

import ipaddress

import click

from .cli import load_linter, main

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Only this computer can reach 127.0.0.1; "
                   "give another address only on a network the council trusts.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="A recordlint.yaml (default: nearest one from here up).")
@click.option("--fast", is_flag=True, help="No statistical model: skip rules that need the parse.")
@click.option("--no-access-log", is_flag=True,
              help="Do not log requests at all (by default: method, path and status only, never text).")
@click.option("--workers", type=click.IntRange(0, 64), default=None,
              help="Processes that check drafts side by side (default: one per core; 0: check in the "
                   "server process, one draft at a time).")
@click.option("--cache-mb", type=click.IntRange(0, 100_000), default=200, show_default=True,
              help="Memory for the analyses of recent sentences, shared by the workers (0: no cache).")
def serve(host, port, config_path, fast, no_access_log, workers, cache_mb):
    """Serve the draft-check page and the HTTP API on this computer.

    Open http://127.0.0.1:8765/ in a browser, pick the document type, paste the
    draft and read the findings. The API is described at /openapi.json.
    Nothing that is checked is written to disk or to the log; the analyses of recent
    sentences are kept in memory (up to --cache-mb) while the service runs, so a
    re-check is quick. Drafts are checked side by side in --workers processes.
    """
    import uvicorn

    from .server import create_app, h11_protocol, log_config, warm_up
    from .server.pool import BYTES_PER_TOKEN, CheckPool, bounded_cache

    linter = load_linter(config_path, fast)  # rules, doc types and health (workers check and fix the drafts)
    pool = None
    if workers == 0:
        bounded_cache(linter, cache_mb * 1024 * 1024 // BYTES_PER_TOKEN)
        warm_up(linter)
        app = create_app(linter)
    else:
        pool = CheckPool(linter.config, fast=fast, workers=workers, cache_mb=cache_mb)
        app = create_app(linter, check_one=pool.check, fix_one=pool.fix)
    if not is_loopback(host):
        click.echo(f"recordlint: note: listening on {host}, not only this computer: anyone who can "
                   "reach this address can use the service. There is no login.", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"recordlint: serving the draft check on http://{shown}:{port}/ (Ctrl+C to stop); "
               f"{pool.workers if pool else 'no'} worker processes, analysis cache up to {cache_mb} MB", err=True)
    try:
        uvicorn.run(app, host=host, port=port, http=h11_protocol(), log_config=log_config(),
                    access_log=not no_access_log, server_header=False, proxy_headers=False,
                    timeout_keep_alive=5, lifespan="off")
    finally:
        if pool is not None:
            pool.close()
