"""``recordlint serve``: the local draft-check page and HTTP API (see app.py)."""
from .app import MAX_BODY, create_app, h11_protocol, log_config, warm_up

__all__ = ["MAX_BODY", "create_app", "h11_protocol", "log_config", "warm_up"]
