"""Find quoted and reported speech once per record.

The child's or family's own words are exempt from the person and language
rules: a quotation ("..." or curly quotes), the rest of the line after a
speech verb and a colon ("Kayla said: I miss mum", "In Reece's words: ..."),
a pasted views section ("My views:" up to the next blank line), and the paragraph under a label
naming a family member as its speaker ("Mother's views:", then her words).
Returns sorted, non-overlapping (start, end) character ranges.
"""
from __future__ import annotations

import re

from .phrases import SPEECH_FILE, alternation, compiled_phrases


class SpeechPhrases:
    """The speech lists (``rules/phrases/speech.yaml``), compiled once per set of a config's changes."""

    def __init__(self, data: dict):
        verbs = alternation(data.get("speech_verbs", []))
        # "said:", "told the nurse:", "In Reece's words:", "wrote:" ...
        self.colon_speech = re.compile(
            rf"\b(?:(?:{verbs})(?:\s+[\w'’]+){{0,3}}|(?:in\s+)?(?:[\w'’-]+\s+){{0,2}}(?:own\s+)?words)\s*:[ \t]*",
            re.IGNORECASE)
        # The words one of which is among the last four before the colon of every colon_speech match
        self.speech_words = {w for v in data.get("speech_verbs", []) for w in _PIECES.findall(str(v).lower())}
        self.speech_words.add("words")
        # A pasted section in the child's voice: "My views:", "My wishes and feelings:", "In my own words:"
        self.views_heading = re.compile(
            rf"^[ \t]*(?:{alternation(data.get('own_voice_headings', []))})[ \t]*:?[ \t]*(?=\r?\n|$|\S)",
            re.IGNORECASE | re.MULTILINE)
        # A label line naming a family member as the speaker of what follows ("Mother's views:",
        # "Consult one family member:"): up to three words before the label, none of them a preposition
        self.speaker_heading = re.compile(
            rf"^[ \t]*((?:[\w'’-]+[ \t]+){{0,3}})(?:{alternation(data.get('speaker_labels', []))})"
            rf"(?:['’]s?(?:[ \t]+(?P<views>{alternation(data.get('speaker_label_words', []))}))?)?[ \t]*:[ \t]*\r?\n",
            re.IGNORECASE | re.MULTILINE)
        self.not_speaker = {str(w).lower() for w in data.get("not_speaker_words", [])}


def speech_phrases(config=None) -> SpeechPhrases:
    return compiled_phrases(SPEECH_FILE, config, SpeechPhrases)


_COLON = re.compile(r":[ \t]*")  # a colon and the blanks a colon_speech match takes after it
_WORDS = re.compile(r"[\w'’-]+")
_PIECES = re.compile(r"\w+")  # a match may start inside a word: "it's’words:"
_QUOTE_MARK = re.compile("[\"“‘']")
_PARA_END = re.compile(r"\r?\n[ \t]*\r?\n|\Z")
_LINE_END = re.compile(r"\r\n|\r|\n|\Z")

_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"'}


def speech_ranges(text: str, config=None) -> list[tuple[int, int]]:
    ph = speech_phrases(config)
    ranges = _quotations(text) + _colon_speech(text, ph) + _views_sections(text, ph) + _speaker_sections(text, ph)
    return _union(ranges)


def _quotations(text: str) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(text)
    para_end = _Next(_PARA_END, text)
    closers = {ch: _Next(pattern, text) for ch, pattern in _CLOSERS.items()}
    while i < n:
        m = _QUOTE_MARK.search(text, i)  # jump to the next quotation mark
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch in ('"', "“") or _is_open_single(text, i):
            j = _find_close(text, i + 1, closers[ch], para_end, single=ch in "'‘")
            out.append((i, j + 1 if j < n else n))
            i = j + 1
        else:
            i += 1
    return out


# The closing mark of each opening one: " closes with " or ”, “ with ”; ‘ with ’ or ', ' with '
# only, a single mark only when no letter or digit follows it (else it is an apostrophe).
_CLOSERS = {'"': re.compile('["”]'), "“": re.compile("”"),
            "‘": re.compile("[’'](?![^\\W_])"), "'": re.compile("'(?![^\\W_])")}


class _Next:
    """Where the next match of a pattern starts, at or after a position (len(text) if none).
    Asked with positions that mostly move forward, it reads the text about once: no match
    starts between a position searched from and the match found, so that answer is reused."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text
        self.lo, self.hit = 1, 0   # nothing known yet

    def at_or_after(self, pos: int) -> int:
        if not self.lo <= pos <= self.hit:
            m = self.pattern.search(self.text, pos)
            self.lo, self.hit = pos, (m.start() if m else len(self.text))
        return self.hit


def _is_open_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _find_close(text: str, start: int, closer: _Next, para_end: _Next, single: bool) -> int:
    """Index of the closing mark, or the end of the paragraph when it never closes (for a
    single mark, which is far more often an apostrophe: quote nothing). A double quotation that
    does not close in its paragraph runs on to a closing mark in a later paragraph when no other
    quotation mark comes first ("When I came into care ...<blank line> Now I am at college.")."""
    end = para_end.at_or_after(start)
    j = closer.at_or_after(start)
    if j < end:
        return j
    if single:
        return start - 1
    if j - start <= _MAX_QUOTE and _closes(text, j) and _QUOTE_MARK_DOUBLE.search(text, end, j) is None:
        return j
    return end - 1


_MAX_QUOTE = 3000   # characters: a quotation over several paragraphs, but not one left open by mistake
_QUOTE_MARK_DOUBLE = re.compile("[\"“”]")


def _closes(text: str, j: int) -> bool:
    """The mark at ``j`` ends a quotation: after a word or punctuation, before a space or the end."""
    return j < len(text) and j > 0 and not text[j - 1].isspace() and \
        (j + 1 == len(text) or not text[j + 1].isalnum())


def _colon_speech(text: str, ph: SpeechPhrases) -> list[tuple[int, int]]:
    """Every colon ends at most one colon_speech match (its words hold no colon), and such a
    match has a speech word in the last four words before the colon: look only there."""
    out = []
    prev = 0
    for colon in _COLON.finditer(text):
        seg_start, prev = prev, colon.end()
        last = _WORDS.findall(text, seg_start, colon.start())[-4:]
        if not ph.speech_words.intersection(_PIECES.findall(" ".join(last).lower())):
            continue
        m = ph.colon_speech.search(text, seg_start, colon.end())  # never past this colon
        if m is None:
            continue
        start = m.end()
        if start < len(text) and text[start] in "\"“‘'":
            continue  # the quotation itself is found by _quotations
        end = _LINE_END.search(text, start).start()
        if end > start:
            out.append((start, end))
    return out


def _views_sections(text: str, ph: SpeechPhrases) -> list[tuple[int, int]]:
    out = []
    for m in ph.views_heading.finditer(text):
        start = m.end()
        end = _PARA_END.search(text, start).start()
        if text[m.end() - 1 : m.end()] != ":" and not re.match(r"[ \t]*\r?\n", text[start:]):
            continue  # "My views are ..." in a sentence is not a heading
        if re.match(r"[ \t]*\r?\n", text[start:]):
            # heading on its own line: the section runs to the next blank line after its body
            body = re.match(r"[ \t]*\r?\n", text[start:]).end() + start
            end = _PARA_END.search(text, body).start()
        out.append((start, end))
    return out


def _speaker_sections(text: str, ph: SpeechPhrases) -> list[tuple[int, int]]:
    """The paragraph under a label line that names a family member as its speaker ("Mother's views:",
    "Consult one family member:", then her words): theirs, to the next blank line, as after "Kayla said:".
    Not a label with a preposition ("Visit to mum:", "Actions for dad:"), nor a bare topic heading ("Mother:",
    "Family members:"): the author may write under those."""
    if ":" not in text:
        return []
    out = []
    for m in ph.speaker_heading.finditer(text):
        if ph.not_speaker.intersection(m.group(1).lower().split()):
            continue
        if not m.group(1).strip() and not m.group("views"):
            continue  # a bare "Mother:" or "Family members:" may head the writer's notes about them
        end = _PARA_END.search(text, m.end()).start()
        if end > m.end():
            out.append((m.end(), end))
    return out


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
