"""Tense of the words around a date: does the clause speak of the past or of the future?

A day or month written without a year takes its year from the publication date: the most
recent such day when the text reports something done, the next one when it announces
something to come ("откроет", "keçiriləcək", "is due to", "должна вернуть до 15 ноября").
The markers are searched first in the clause of the date (between commas, semicolons,
dashes), then in its sentence; when both tenses occur, the marker nearest to the date wins
("said on Tuesday that the talks will be held", "Минобороны сообщило 5 октября, что ...").

Pure functions over the text; the lexicons are light morphology, not a parser: a marker
missed leaves the tense unknown, and the caller then chooses the nearer occurrence.
"""
from __future__ import annotations

import re

from transforms.dates_regex import prefiltered

# ---------------------------------------------------------------------------------------------
# Future: auxiliaries, plans and expectations, perfective futures, obligations.
_RU_PERFECTIVE_STEMS = (
    "откро", "закро", "верн", "подпиш", "начн", "запуст", "введ", "вступ", "возобнов", "прим", "провед",
    "посет", "соверш", "заверш", "прибуд", "направ", "отправ", "выдел", "постро", "обсуд", "рассмотр",
    "представ", "продл", "увелич", "сократ", "приступ", "получ", "перейд", "выйд", "войд", "пройд", "стан",
    "смож", "смог", "встрет", "постав", "заработа", "собер", "выступ", "отмет", "утверд", "подготов",
    "обеспеч", "возьм", "продолж", "прекрат", "останов", "отмен", "запрет", "восстанов",
    "повыс", "посвят", "объяв", "изуч", "оцен", "подключ", "перевед", "достигн", "увид", "приед", "сниз",
)
_FUTURE = {
    "en": re.compile(
        r"\b(?:will|won['’]t|shall|(?:is|are)\s+(?:expected|scheduled|planned|due|set|going|slated|to)"
        r"|plans?\s+to|planning\s+to|intends?\s+to|upcoming|forthcoming|to\s+be\s+held"
        r"|(?:the|a|an|its|their|his|her)\s+(?:planned|scheduled|expected|proposed)\b)\b|['’]ll\b"),
    "ru": re.compile(
        r"(?i)(?<!\w)(?:будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру\w*|запланирован\w*|"
        r"намерен\w*|намечен\w*|ожидает(?:ся)?|ожидаются|предстоящ\w*|предстоит|совершит|посетит|примет|"
        r"пров[её]д[её]т|проведут|прибудет|прибудут|отправится|откроется|начн[её]тся|стартует|"
        r"встретятся|встретится|обсудят|обсудит|подпишут|подпишет|собирает(?:ся)?|собираются|создаст|создадут|"
        r"обязан\w*|должн(?:а|о|ы)?(?!\s+(?:был|была|было|были)\b)|долж[её]н(?!\s+был\b)|"
        r"(?:" + "|".join(_RU_PERFECTIVE_STEMS) + r")(?:[её]т|ит|ут|ют|ат|ят|[её]тся|ится|утся|ются|атся|ятся|ст|дут))"
        r"(?!\w)"),
    # -acaq/-əcək is the future participle/tense suffix (keçiriləcək, olacaq, edəcəklər);
    # -malı/-məli an obligation (qaytarmalıdır).
    "az": re.compile(
        r"(?i)(?:ac(?:aq|ağ)|əc(?:ək|əy))|\w(?:malı|məli)(?:dır|dir)?(?!\w)|(?<!\w)(?:gözlənilir|gözlənir|"
        r"planlaşdırılır|planlaşdırılıb|planlaşdırır|nəzərdə\s+tutulur|nəzərdə\s+tutulub|qarşıdan\s+gələn)(?!\w)"),
}

# ---------------------------------------------------------------------------------------------
# Past: auxiliaries and past forms, with the nouns that look like them left out.
# A participle after "is/are/be/been" is a passive, not a past ("will be held", "is signed").
_EN_PAST = re.compile(
    r"\b(?:was|were|had|did|(?:has|have)\s+(?:been\s+)?\w+(?:ed|en))\b"
    r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(said|told|met|held|took|made|came|went|began|gave|saw|became|"
    r"left|sent|paid|won|led|brought|spoke|wrote|found|kept|stood|sought|fought|struck|agreed|freed|"
    r"\w{2,}[^\We]ed|\w+ied)\b")
_EN_NOT_PAST = {"hundred", "united", "limited", "based", "related", "planned", "scheduled", "expected", "proposed",
                "intended", "detailed", "advanced", "armed", "called", "speed", "seed", "need", "feed", "bed",
                "red", "shed", "ahmed", "mohammed", "muhammed", "mahmud", "allied", "varied"}
# Russian and Azerbaijani past forms are found by their endings (cheap to scan for); the word
# they end is then checked against nouns that end alike.
_RU_PAST = re.compile(r"(?i)(?<=\w)[аяеиыу]л(?:а|о|и)?(?:сь|ся)?(?!\w)|ш(?:ёл|ел|ла|ло|ли)(?!\w)"
                      r"|(?<!\w)(?:с|по)?мог(?:ла|ли|ло)?(?!\w)")
_RU_NOT_PAST = {"журнал", "канал", "сигнал", "материал", "потенциал", "капитал", "генерал", "финал", "персонал",
                "арсенал", "интервал", "терминал", "провал", "предел", "раздел", "отдел", "стамбул", "кабул",
                "идеал", "урал", "зал", "бал", "вокзал", "совал", "начал", "карнавал", "фестивал", "аул",
                "дял", "сал", "пал", "мал", "вал", "тел", "дел", "пел", "сел", "мил", "тыл", "правил", "сил",
                "крыл", "цел", "недел", "модел", "детал", "медал", "магистрал", "квартал", "скандал", "сериал",
                "ритуал", "автомобил", "профил", "стил", "отел", "параллел", "мебел", "ансамбл"}
# Nouns in -тель ("представители", "показатели") look like past plurals; verbs in -тел are few.
_RU_TEL_VERBS = ("хотел", "летел", "свистел", "вертел")
_AZ_PAST = re.compile(
    r"(?i)(?<=\w)(?:ıb|ib|ub|üb)(?:lar|lər)?(?!\w)|(?<=\w)(?:mış|miş|muş|müş)(?:dır|dir|dur|dür|dı|di|du|dü|lar|lər)?(?!\w)"
    r"|(?<=\w\w)[lnrt](?:dı|di|du|dü)(?:lar|lər)?(?!\w)|(?:etdi|oldu|dedi|verdi|gəldi|getdi|aldı|tutdu|qoydu|çıxdı|"
    r"keçdi|başladı|bildirdi|imzaladı|açdı)(?:lar|lər)?(?!\w)|(?<!\w)idi(?:lər)?(?!\w)"
    r"|(?<=\w)(?:ırdı|irdi|urdu|ürdü|ardı|ərdi)(?:lar|lər)?(?!\w)")
_AZ_NOT_PAST = {"qalib", "sahib", "tərkib", "tərtib", "rəqib", "əcaib", "nəsib", "həbib", "nəcib", "cənub",
                "məğlub", "mətlub", "üslub", "məktub", "qərib", "bəndi", "fərdi", "kəndi", "ordu", "vədi"}
# The future markers behind a lookahead of their first two letters (see dates_regex.prefiltered):
# most words then fail one test instead of every marker.
_FUTURE = {lang: prefiltered(regex) for lang, regex in _FUTURE.items()}
_WORD_END = re.compile(r"\w+$")


def _word_ending_at(text: str, start: int, end: int) -> str:
    m = _WORD_END.search(text, max(0, start - 30), start)
    return ((m.group() if m else "") + text[start:end]).lower()

_CLAUSE_EDGE = re.compile(r"[,;:()\[\]]|\s[—–-]\s")


def _past_positions(text: str, lang: str, s: int, e: int) -> list[int]:
    if lang == "en":
        return [m.start() for m in _EN_PAST.finditer(text, s, e)
                if not (m.group(1) and m.group(1).lower() in _EN_NOT_PAST)]
    if lang == "ru":
        return [m.start() for m in _RU_PAST.finditer(text, s, e)
                if m.group()[0] in "шсмпШСМП" or _ru_past_stem(_word_ending_at(text, m.start(), m.start() + 2))]
    return [m.start() for m in _AZ_PAST.finditer(text, s, e)
            if _word_ending_at(text, m.start(), m.end()) not in _AZ_NOT_PAST]


def _ru_past_stem(stem: str) -> bool:
    """Is the word up to its "л" ("сообщил", "правил") a past verb rather than a noun?"""
    if stem in _RU_NOT_PAST:
        return False
    return not stem.endswith("тел") or stem.endswith(_RU_TEL_VERBS)


def _tense_in(text: str, lang: str, s: int, e: int, start: int, end: int, future_only: bool) -> str | None:
    """"future" / "past" by the markers in text[s:e], the nearest to [start, end) deciding;
    with ``future_only``, None stands for past and no tense alike (and costs less)."""
    future = [m.start() for m in _FUTURE[lang].finditer(text, s, e) if not start <= m.start() < end]
    if future_only and not future:
        return None
    past = [p for p in _past_positions(text, lang, s, e) if not start <= p < end]
    if not future and not past:
        return None
    if not past:
        return "future"
    if not future:
        return "past"

    def distance(p: int) -> int:
        return start - p if p < start else p - end

    return "future" if min(map(distance, future)) <= min(map(distance, past)) else "past"


def clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The clause of [start, end) inside the sentence [s, e): up to the nearest comma,
    semicolon, colon, bracket or spaced dash on each side."""
    left = s
    for m in _CLAUSE_EDGE.finditer(text, max(s, start - 300), start):
        left = m.end()
    m = _CLAUSE_EDGE.search(text, end, min(e, end + 300))
    return left, (m.start() if m else e)


def tense(text: str, lang: str, sentence: tuple[int, int], start: int, end: int,
          future_only: bool = False) -> str | None:
    """Tense of the clause of [start, end), or of its sentence when the clause has no marker.
    ``future_only``: the caller only asks whether it is the future (None otherwise)."""
    s, e = sentence
    cs, ce = clause(text, s, e, start, end)
    found = _tense_in(text, lang, cs, ce, start, end, False)
    if found is None and (cs, ce) != (s, e):
        found = _tense_in(text, lang, s, e, start, end, future_only)
    return found


def has_future(text: str, lang: str, s: int, e: int) -> bool:
    """Any future marker in text[s:e]."""
    return _FUTURE[lang].search(text, s, e) is not None
