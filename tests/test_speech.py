"""Quoted and reported speech: exact ranges, and the fast scans agree with the plain ones."""
import random

from recordlint import speech
from recordlint.speech import _LINE_END, _PARA_END, _is_open_single, speech_phrases, speech_ranges


def test_quotation_colon_speech_and_views_section():
    text = ('Kayla said "I miss my mum". It\'s late.\nReece told the nurse: I hate school\n'
            "My views:\nI want to go home.\n\nEnd.")
    got = [text[s:e] for s, e in speech_ranges(text)]
    assert got == ['"I miss my mum"', "I hate school", "\nI want to go home."]


def test_no_speech_in_plain_text_with_colons_and_apostrophes():
    text = "Present: Kayla and Michelle.\nDate: 14/03/2026\nKayla's room was tidy; it's her space."
    assert speech_ranges(text) == []


# The plain versions the fast scans replace: a regex over every position, a loop over every character.
def _plain_colon_speech(text):
    out = []
    for m in speech_phrases().colon_speech.finditer(text):
        start = m.end()
        if start < len(text) and text[start] in "\"“‘'":
            continue
        end = _LINE_END.search(text, start).start()
        if end > start:
            out.append((start, end))
    return out


def _plain_find_close(text, start, close, single):
    para_end = _PARA_END.search(text, start).start()
    for j in range(start, para_end):
        if text[j] == close or (close == "’" and text[j] == "'") or (close == '"' and text[j] == "”"):
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not single or not nxt.isalnum():
                return j
    if single:
        return start - 1
    # a double quotation runs on past its paragraph to a closing mark, when that is the next mark
    for j in range(para_end, len(text)):
        if text[j] in '"“”':
            closer = text[j] == "”" or (close == '"' and text[j] == '"')
            ends = not text[j - 1].isspace() and (j + 1 == len(text) or not text[j + 1].isalnum())
            if closer and ends and j - start <= 3000:
                return j
            break
    return para_end - 1


def _plain_quotations(text):
    out, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ('"', "“") or (ch in "‘'" and _is_open_single(text, i)):
            close = {"“": "”", "‘": "’", '"': '"'}.get(ch, "'")
            j = _plain_find_close(text, i + 1, close, single=ch in "'‘")
            out.append((i, j + 1 if j < n else n))
            i = j + 1
        else:
            i += 1
    return out


def test_fast_scans_agree_with_the_plain_ones_on_random_text():
    pieces = ["said", "SAYS", "told", "the", "nurse", "own", "words", "In", "Reece's", "my", "views", "wrote",
              ":", ": ", " ", "\n", "\n\n", '"', "“", "”", "‘", "’", "'", "-", "step-dad", "it's", "I", "mum",
              ".", "tells", "\t", "asked", "é", "words:"]
    rng = random.Random(2026)
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", "", " "]) for _ in range(rng.randint(1, 25)))
        assert speech._colon_speech(text, speech_phrases()) == _plain_colon_speech(text), text
        assert speech._quotations(text) == _plain_quotations(text), text
        found += bool(_plain_colon_speech(text))
    assert found > 1000  # the random texts do hold reported speech


def test_a_speech_word_inside_a_longer_word_still_counts():
    text = "x it's’words : I like it"
    want = [(len("x it's’words : "), len(text))]
    assert speech._colon_speech(text, speech_phrases()) == _plain_colon_speech(text) == want


def test_a_quotation_runs_on_over_paragraphs_to_its_closing_mark():
    text = "“When I came into care I was scared.\n\nNow I am at college.” I visited on Monday."
    assert [text[s:e] for s, e in speech_ranges(text)] == [text[:text.index("” ") + 1]]
    # another quotation opens first: each paragraph's quotation ends with its paragraph
    text = "“I was scared.\n\n“Now I am at college.” I visited on Monday."
    assert [text[s:e] for s, e in speech_ranges(text)] == ["“I was scared.", "“Now I am at college.”"]
    # a mark that opens a word does not close a quotation
    text = '"I was scared.\n\nThe word "care" is jargon.'
    assert [text[s:e] for s, e in speech_ranges(text)][0] == '"I was scared.'


def test_a_label_naming_a_family_member_opens_their_words_to_the_blank_line():
    text = ("Home visit\n\nFather's account:\nI was at the match all afternoon.\nMy sister had the baby.\n\n"
            "Ask one relative:\nWe never saw any bruises.\n\nEnd.")
    got = [text[s:e] for s, e in speech_ranges(text)]
    assert got == ["I was at the match all afternoon.\nMy sister had the baby."]   # "relative" is not a label


def test_a_label_with_a_preposition_heads_the_authors_own_writing():
    text = "Visit to mum:\nI visited mum at home.\n\nActions for dad:\nI will ring him on Monday.\n"
    assert speech_ranges(text) == []


def test_a_bare_topic_heading_about_family_heads_the_authors_notes():
    text = "Family members:\nWe met Nan and Grandad at home.\n\nMother:\nI visited her on Monday.\n"
    assert speech_ranges(text) == []
