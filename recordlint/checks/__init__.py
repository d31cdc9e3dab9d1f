"""Rules that need Python: the parse or the record's context. Find a rule by its code:

  RL101-RL103  person.py       first / second person slips, third person in records to the child
  RL202        language.py     unexplained acronyms (jargon and blaming words are YAML: rules/language.yaml)
  RL212        blaming.py      a person judged through grammar ('failed to', 'Dad was drunk')
  RL301-RL303  planning.py     SMART actions and contingency
  RL401        voice.py        the child's own voice
  RL501-RL502  readability.py  reading grade and sentence length
"""
from . import blaming, language, person, planning, readability, voice

PYTHON_RULES = [*person.RULES, *language.RULES, *blaming.RULES, *planning.RULES, *voice.RULES, *readability.RULES]
