"""Russian endings: the adjective (and ordinal) endings of every gender, case and number."""
from __future__ import annotations

# Hard stems ("первый", "первого", ...) and soft ones ("третий": "третьего", "третьей", ...).
ADJECTIVE_HARD = ("ый", "ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")
ADJECTIVE_HARD_STRESSED = ("ой", "ая", "ое", "ые", "ого", "ому", "ым", "ом", "ую", "ых", "ыми")   # "второй"
ADJECTIVE_SOFT_3 = ("ий", "ья", "ье", "ьи", "ьего", "ьей", "ьему", "ьим", "ьем", "ью", "ьих", "ьими")   # "третий"
# Every adjective ending, hard and soft, of the long forms (for telling an adjective by its end).
ADJECTIVE_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
                     "ом", "ем", "ых", "их", "ую", "юю", "ою", "ею", "ыми", "ими")

# The end of a finite verb, an infinitive or a reflexive form ("подписали", "составит", "ожидается").
VERB_END = r"(?:ли|ла|ло|лся|лась|лись|лось|ет|ут|ют|ит|ят|ать|ять|ить|еть|ся|сь|ос)$"
INSTRUMENTAL_PLURAL_END = r"(?:ами|ями|ьми)$"          # "странами", "людьми"
