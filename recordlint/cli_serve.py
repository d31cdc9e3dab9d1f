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
def serve(host, port, config_path, fast, no_access_log):
    """Serve the draft-check page and the HTTP API on this computer.

    Open http://127.0.0.1:8765/ in a browser, pick the document type, paste the
    draft and read the findings. The API is described at /openapi.json.
    Nothing that is checked is written to disk or to the log; the parses of recent
    sentences are kept in memory while the service runs, so a re-check is quick.
    """
    import uvicorn

    from .server import create_app, h11_protocol, log_config, warm_up

    linter = load_linter(config_path, fast)  # the model is loaded once, here
    # Re-checking after an edit analyses only the sentences that changed (kept in memory only).
    linter.nlp.get_pipe("recordlint").enable_parse_cache()
    warm_up(linter)
    app = create_app(linter)
    if not is_loopback(host):
        click.echo(f"recordlint: note: listening on {host}, not only this computer: anyone who can "
                   "reach this address can use the service. There is no login.", err=True)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"recordlint: serving the draft check on http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, http=h11_protocol(), log_config=log_config(), access_log=not no_access_log,
                server_header=False, proxy_headers=False, timeout_keep_alive=5, lifespan="off")
