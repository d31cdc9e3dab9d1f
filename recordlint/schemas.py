"""Schemas of the YAML a user writes: recordlint.yaml (``ConfigFile``) and rule files
(``RuleSpec``), declared with pydantic (installed with spaCy).

A field says what it expects in words (``Expect("...")``); ``first_problem`` turns pydantic's
first error into the one-line message users see, ``key.path: expected ...``, naming the key
path in the file, never the value.
"""
from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, StrictBool, StrictStr, ValidationError

from .findings import Severity


class Expect:
    """What a field expects, as the error message says it ("expected a list of strings")."""

    def __init__(self, text: str):
        self.text = text


def _severity(value):
    Severity.parse(value)  # ValueError: unknown severity 'loud' (expected info, warning or error)
    return value


SeverityName = Annotated[Any, AfterValidator(_severity)]
Words = StrictStr | list[StrictStr]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)
    expect: typing.ClassVar[str] = ""
    unknown: typing.ClassVar[str] = ""   # the message for an unknown key (default: lists the keys)


# --- recordlint.yaml ----------------------------------------------------------------------------
class DocTypeProfile(_Strict):
    expect: typing.ClassVar[str] = "expected a mapping (perspective, aliases, disable, enable, severity)"
    perspective: Annotated[Literal["third_person", "to_child"] | None,
                           Expect("expected third_person or to_child")] = None
    description: Annotated[StrictStr | None, Expect("expected a string")] = None
    aliases: Annotated[list[StrictStr] | None, Expect("expected a list of strings")] = None
    disable: Annotated[list[StrictStr] | None, Expect("expected a list of strings")] = None
    enable: Annotated[list[StrictStr] | None, Expect("expected a list of strings")] = None
    severity: Annotated[dict[StrictStr, SeverityName] | None,
                        Expect("expected a mapping of rule code to severity")] = None


class RuleSettings(_Strict):
    model_config = ConfigDict(extra="allow", strict=True)   # the rule's own options
    expect: typing.ClassVar[str] = "expected a mapping (severity, enabled, doc_types, options)"
    severity: SeverityName | None = None
    enabled: Annotated[StrictBool | None, Expect("expected true or false")] = None
    doc_types: Annotated[list[StrictStr] | None, Expect("expected a list of doc type names")] = None


class LexiconEntry(_Strict):
    expect: typing.ClassVar[str] = "expected a mapping with at least 'term'"
    term: Annotated[StrictStr, Expect("expected a mapping with at least 'term'")]
    variants: Annotated[Words | None, Expect("expected a word or a list of words")] = None
    alternatives: Annotated[Words | None, Expect("expected a word or a list of words")] = None
    not_before: Annotated[Words | None, Expect("expected a word or a list of words")] = None
    not_after: Annotated[Words | None, Expect("expected a word or a list of words")] = None
    pos: Annotated[Words | None, Expect("expected a word or a list of words")] = None
    source: Any = None
    note: Any = None
    case_sensitive: Any = None
    expansion: Any = None
    category: Any = None
    perspective: Annotated[Literal["third_person", "to_child"] | None,
                           Expect("expected third_person or to_child")] = None


class LexiconChange(_Strict):
    expect: typing.ClassVar[str] = "expected a mapping with 'add' and/or 'remove'"
    unknown: typing.ClassVar[str] = "unknown key (expected add or remove)"
    add: Annotated[list[LexiconEntry] | None,
                   Expect("expected a list of entries (term, variants, alternatives, source)")] = None
    remove: Annotated[list[StrictStr] | None, Expect("expected a list of terms")] = None


class ConfigFile(_Strict):
    extends: Annotated[StrictStr | None, Expect("expected 'default', 'none' or a file path")] = None
    model: Annotated[StrictStr | list[StrictStr] | None,
                     Expect("expected a model package name or a list of names")] = None
    default_doc_type: Annotated[StrictStr | None, Expect("expected a doc type name")] = None
    rule_files: Annotated[list[StrictStr] | None, Expect("expected a list of file paths")] = None
    doc_types: Annotated[dict[StrictStr, DocTypeProfile | None] | None,
                         Expect("expected a mapping of doc type name to profile")] = None
    rules: Annotated[dict[Any, RuleSettings | None] | None,
                     Expect("expected a mapping of rule code to settings")] = None
    lexicon: Annotated[dict[StrictStr, LexiconChange] | None,
                       Expect("expected a mapping of lexicon name to add/remove")] = None
    phrases: Annotated[dict[StrictStr, dict[StrictStr, PhraseChange]] | None,
                       Expect("expected a mapping of phrase file to lists to change")] = None
    fixes: Annotated[FixSettings | None, Expect("expected a mapping with 'author' and/or 'roles'")] = None


class FixSettings(_Strict):
    """How suggested fixes name the author of a third-person record (recordlint.fixes)."""
    expect: typing.ClassVar[str] = "expected a mapping with 'author' and/or 'roles'"
    author: Annotated[StrictStr | None, Expect("expected a phrase such as 'the social worker'")] = None
    roles: Annotated[dict[StrictStr, StrictStr] | None,
                     Expect("expected a mapping of worker role to phrase (e.g. TM: the team manager)")] = None


class PhraseChange(_Strict):
    expect: typing.ClassVar[str] = "expected a mapping with 'add' and/or 'remove'"
    unknown: typing.ClassVar[str] = "unknown key (expected add or remove)"
    add: Annotated[list[StrictStr] | None, Expect("expected a list of phrases")] = None
    remove: Annotated[list[StrictStr] | None, Expect("expected a list of phrases")] = None


ConfigFile.model_rebuild()


# --- turning the first error into one line ------------------------------------------------------
def first_problem(model: type[BaseModel], data: dict) -> tuple[str, str] | None:
    """(key path, problem) for the first thing wrong with ``data``, or None when it is valid."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False, include_input=False)[0]
        return _describe(model, err)
    return None


def _describe(model: type[BaseModel], err: dict) -> tuple[str, str]:
    loc, kind = list(err["loc"]), err["type"]
    path, expect, owner = _walk(model, loc[:-1] if kind in ("extra_forbidden", "missing") else loc)
    if kind == "extra_forbidden":
        key = loc[-1]
        problem = owner.unknown or f"unknown key (expected one of: {', '.join(sorted(_keys(owner)))})"
        return _join(path, key), problem
    if kind == "missing":
        return path, owner.expect if owner is not None and owner.expect else f"missing '{loc[-1]}'"
    if kind == "value_error":
        return path, str(err["ctx"]["error"])
    return path, expect or "invalid value"


def _keys(model) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _join(path: str, key) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _walk(model, loc) -> tuple[str, str, Any]:
    """Follow ``loc`` through the schema: (key path, what the last field expects, the model
    that holds the last key)."""
    path, expect, current, owner = "", "", model, model
    for key in loc:
        if _is_model(current):
            field = current.model_fields.get(key)
            if field is None:
                break
            owner, path = current, _join(path, key)
            expect = next((m.text for m in field.metadata if isinstance(m, Expect)), "")
            current = field.annotation
            continue
        inner = _container_item(current, key)
        if inner is None:
            break  # a union member's name: the field's own expectation stands
        path, current = _join(path, key), inner
        if _is_model(inner):
            expect = inner.expect or expect
    return path, expect, current if _is_model(current) else owner


def _is_model(tp) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _members(tp) -> list:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return [a for arg in typing.get_args(tp) if arg is not type(None) for a in _members(arg)]
    return [tp]


def _container_item(tp, key):
    """The item type of the list[X] (for an index) or dict[K, X] (for a key) that ``tp`` allows."""
    want = list if isinstance(key, int) else dict
    for member in _members(tp):
        if typing.get_origin(member) is want:
            item = typing.get_args(member)[-1]
            models = [m for m in _members(item) if _is_model(m)]
            return models[0] if len(models) == 1 and len(_members(item)) == 1 else item
    return None


