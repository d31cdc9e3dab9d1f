"""Collect every rule (Python checks and YAML rule files), configure and compile them."""
from __future__ import annotations

from .checks import PYTHON_RULES
from .config import Config
from .errors import ConfigError
from .findings import Severity
from .rule import Rule
from .ruletypes import load_rule_file


class RuleSet:
    def __init__(self, rules: list[Rule], config: Config):
        self.rules = rules
        self.config = config
        self.by_key = {}
        for r in rules:
            for key in (r.code, r.name):
                if key in self.by_key and self.by_key[key] is not r:
                    raise ConfigError(f"{r.origin}: rule {key!r} is defined twice "
                                      f"(also in {self.by_key[key].origin})")
                self.by_key[key] = r
        self._validate_references()
        self._active: dict[str, list[tuple[Rule, Severity]]] = {}

    def get(self, key: str) -> Rule | None:
        return self.by_key.get(key) or self.by_key.get(str(key).upper())

    def _validate_references(self) -> None:
        cfg = self.config
        where = cfg.files[-1] if cfg.files else "config"
        for key in cfg.rules:
            if self.get(key) is None:
                raise ConfigError(f"{where}: rules.{key}: unknown rule code or name")
        for dt in cfg.doc_types.values():
            for field in ("disable", "enable"):
                for key in getattr(dt, field):
                    if self.get(key) is None:
                        raise ConfigError(f"{where}: doc_types.{dt.name}.{field}: unknown rule {key!r}")
            for key in dt.severity:
                if self.get(key) is None:
                    raise ConfigError(f"{where}: doc_types.{dt.name}.severity: unknown rule {key!r}")

    def active(self, doc_type_name: str, fast: bool = False) -> list[tuple[Rule, Severity]]:
        """The rules that run on a doc type, each with its severity there."""
        key = f"{doc_type_name}:{fast}"
        if key not in self._active:
            dt = self.config.doc_types[doc_type_name]
            disabled = {self.get(k).code for k in dt.disable}
            enabled = {self.get(k).code for k in dt.enable}
            out = []
            for r in self.rules:
                settings = self.config.rule_settings(r.code, r.name)
                on = settings.get("enabled", True) and r.applies_to(dt)
                if r.code in enabled:
                    on = True
                if r.code in disabled or (fast and r.needs_model):
                    on = False
                if on:
                    level = next((dt.severity[k] for k in (r.code, r.name) if k in dt.severity), None)
                    out.append((r, Severity.parse(level) if level else r.severity))
            self._active[key] = out
        return self._active[key]


def build_ruleset(config: Config, nlp) -> RuleSet:
    rules: list[Rule] = [cls() for cls in PYTHON_RULES]
    for path in config.rule_files:
        rules.extend(load_rule_file(path, config))
    ruleset = RuleSet(rules, config)
    _check_lexicon_names(config, rules)
    _check_phrase_names(config)
    for r in rules:
        settings = config.rule_settings(r.code, r.name)
        for key in settings:
            if key not in ("severity", "enabled", "doc_types") and key not in r.options:
                where = config.files[-1] if config.files else "config"
                known = ", ".join(["severity", "enabled", "doc_types", *sorted(r.options)])
                raise ConfigError(f"{where}: rules.{r.code}.{key}: unknown setting (expected one of: {known})")
        try:
            r.configure(settings)
        except ValueError as exc:
            raise ConfigError(f"{config.files[-1] if config.files else 'config'}: rules.{r.code}: {exc}") from None
        r.setup(nlp, config)
    return ruleset


def _check_lexicon_names(config: Config, rules: list[Rule]) -> None:
    """``lexicon.NAME`` in a config must name a lexicon some rule reads (a typo would do nothing)."""
    from pathlib import Path

    from .resources import rules_dir

    known = {p.stem for p in (rules_dir() / "lexicon").glob("*.yaml")}
    for r in rules:
        spec = getattr(r, "spec", None) or {}
        if "lexicon" in spec:
            known.add(spec.get("lexicon_name") or Path(spec["lexicon"]).stem)
    for name in config.lexicon or {}:
        if name not in known:
            where = config.files[-1] if config.files else "config"
            raise ConfigError(f"{where}: lexicon.{name}: unknown lexicon (known: {', '.join(sorted(known))})")


def _check_phrase_names(config: Config) -> None:
    """``phrases.FILE.LIST`` in a config must name a bundled phrase file and one of its lists."""
    from .phrases import load_phrases
    from .resources import rules_dir

    where = config.files[-1] if config.files else "config"
    files = {p.stem for p in (rules_dir() / "phrases").glob("*.yaml")}
    for name, lists in (config.phrases or {}).items():
        if name not in files:
            raise ConfigError(f"{where}: phrases.{name}: unknown phrase file (known: {', '.join(sorted(files))})")
        known = load_phrases(f"phrases/{name}.yaml")
        for key in lists:
            if not isinstance(known.get(key), list):
                lists_known = ", ".join(sorted(k for k, v in known.items() if isinstance(v, list)))
                raise ConfigError(f"{where}: phrases.{name}.{key}: unknown list (known: {lists_known})")
