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

from transforms.dates.regex import prefiltered, word_alternation

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

# A past verb of intent or proposal with its infinitive ("agreed to finalize", "proposed to hold",
# "договорились завершить", "предложил стороне провести", "yekunlaşdırmağa razılaşıblar") is past
# for the agreement and future for what was agreed: its past ending is no marker, and a date after
# the infinitive is the date of what is to come ("предложил провести видеоконференцию 22-23 января").
_INTENT = {
    "en": re.compile(r"\b(?:agreed|decided|pledged|promised|vowed|undertook|resolved|committed|proposed|offered)"
                     r"\s+to\s+(?!(?:the|a|an|this|that|these|those|it|its|their|his|her)\b)[a-z]+\b"),
    "ru": re.compile(r"(?i)(?<!\w)(?:договорил|решил|пообещал|обещал|обязал|условил|предложил|пригласил)"
                     r"(?:ся|ась|ись|и|а)?(?:\s+[^\W\d]+){0,2}?\s+[^\W\d]+(?:ть|ти|чь)(?:ся)?(?!\w)"),
    # (The "m" comes first, so that a search skips to it: "(?<=\w)(?:mağa|məyə)...".)
    "az": re.compile(r"(?i)(?-i:[Mm])(?<=\w[Mm])(?:ağa\s+|əyə\s+|ağı\s+(?=təklif)|əyi\s+(?=təklif))"
                     r"(?:razılaş|qərar(?:a)?\s+(?:ver|al)|söz\s+ver|öhdəlik\s+götür|təklif\s+ed)\w*"),
}
_INTENT_PLAIN = _INTENT
_INTENT = {lang: prefiltered(regex, 4) for lang, regex in _INTENT_PLAIN.items()}

# ---------------------------------------------------------------------------------------------
# Past: auxiliaries and past forms, with the nouns that look like them left out.
# A participle after "is/are/be/been" is a passive, not a past ("will be held", "is signed").
_EN_PAST_WORDS = ("was", "were", "had", "did", "has", "have", "said", "told", "met", "held", "took", "made", "came",
                  "went", "began", "gave", "saw", "became", "left", "sent", "paid", "won", "led", "brought", "spoke",
                  "wrote", "found", "kept", "stood", "sought", "fought", "struck", "agreed", "freed", "grew", "rose",
                  "fell", "sank", "shrank", "slid", "sold", "bought", "built", "spent", "lost", "drew", "flew", "ran",
                  "knew", "chose", "broke", "withdrew", "oversaw", "undertook", "overtook")
# (The lookahead in front only lets through a word the rest can match, one of the words above or
# one in -ed, so that the lookbehinds and the backtracking -ed branch run at few words.)
_EN_PAST = re.compile(
    rf"\b(?=(?:{word_alternation(_EN_PAST_WORDS)})\b|\w*ed\b)"
    r"(?:\b(?:was|were|had|did|(?:has|have)\s+(?:been\s+)?\w+(?:ed|en))\b"
    r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )\b(said|told|met|held|took|made|came|went|began|gave|saw|became|"
    r"left|sent|paid|won|led|brought|spoke|wrote|found|kept|stood|sought|fought|struck|agreed|freed|"
    r"grew|rose|fell|sank|shrank|slid|sold|bought|built|spent|lost|drew|flew|ran|knew|chose|broke|"
    r"withdrew|oversaw|undertook|overtook|"
    r"\w{2,}[^\We]ed|\w+ied)\b)")
_EN_NOT_PAST = {"hundred", "united", "limited", "based", "related", "planned", "scheduled", "expected", "proposed",
                "intended", "detailed", "advanced", "armed", "called", "speed", "seed", "need", "feed", "bed",
                "red", "shed", "ahmed", "mohammed", "muhammed", "mahmud", "allied", "varied"}
# Russian and Azerbaijani past forms are found by their endings; the word they end is then
# checked against nouns that end alike. Each pattern is tried at word starts only, behind a
# lookahead of the last letters every match ends the word with; the group "x" is then found
# at the first position of the word where one of the forms runs to its end, which is where a
# scan of every position would have found it.
# Also the pasts of stems in a consonant: "выросли", "достиг", "привезли" (not "вопрос", "бизнес").
_RU_PAST = re.compile(r"(?i)\b(?=\w*(?:л[аои]?(?:сь|ся)?|[гсзк])(?!\w))\w*?"
                      r"(?P<x>(?P<vl>(?<=\w)[аяеиыу]л(?:а|о|и)?(?:сь|ся)?(?!\w))|ш(?:ёл|ел|ла|ло|ли)(?!\w)"
                      r"|(?<!\w)(?:с|по)?мог(?:ла|ли|ло)?(?!\w)"
                      r"|(?<=\w)(?:рос|нес|нёс|вез|вёз|тек|тёк|стиг)(?:ла|ло|ли)(?!\w)"
                      r"|(?<!\w)(?:(?:вы|воз|под|пере)рос|(?:при|у|пере|вы|за|до|от)(?:нес|нёс|вез|вёз)|(?:до|по)стиг)(?!\w))")
_RU_NOT_PAST = {"журнал", "канал", "сигнал", "материал", "потенциал", "капитал", "генерал", "финал", "персонал",
                "арсенал", "интервал", "терминал", "провал", "предел", "раздел", "отдел", "стамбул", "кабул",
                "идеал", "урал", "зал", "бал", "вокзал", "совал", "начал", "карнавал", "фестивал", "аул",
                "дял", "сал", "пал", "мал", "вал", "тел", "дел", "пел", "сел", "мил", "тыл", "правил", "сил",
                "крыл", "цел", "недел", "модел", "детал", "медал", "магистрал", "квартал", "скандал", "сериал",
                "ритуал", "автомобил", "профил", "стил", "отел", "параллел", "мебел", "ансамбл"}
# Nouns in -тель ("представители", "показатели") look like past plurals; verbs in -тел are few.
_RU_TEL_VERBS = ("хотел", "летел", "свистел", "вертел")
_AZ_PAST = re.compile(
    r"(?i)\b(?=\w*(?:[ıiuü][bşr]|[aə]r|d[ıiuü])(?!\w))\w*?(?P<x>"
    r"(?<=\w)(?:ıb|ib|ub|üb)(?:lar|lər)?(?!\w)|(?<=\w)(?:mış|miş|muş|müş)(?:dır|dir|dur|dür|dı|di|du|dü|lar|lər)?(?!\w)"
    r"|(?<=\w\w)[lnrt](?:dı|di|du|dü)(?:lar|lər)?(?!\w)|(?:etdi|oldu|dedi|verdi|gəldi|getdi|aldı|tutdu|qoydu|çıxdı|"
    r"keçdi|başladı|bildirdi|imzaladı|açdı)(?:lar|lər)?(?!\w)|(?<!\w)idi(?:lər)?(?!\w)"
    r"|(?<=\w)(?:ırdı|irdi|urdu|ürdü|ardı|ərdi)(?:lar|lər)?(?!\w))")
_AZ_NOT_PAST = {"qalib", "sahib", "tərkib", "tərtib", "rəqib", "əcaib", "nəsib", "həbib", "nəcib", "cənub",
                "məğlub", "mətlub", "üslub", "məktub", "qərib", "bəndi", "fərdi", "kəndi", "ordu", "vədi"}
# The future markers behind a lookahead of their first four letters (see transforms.dates.regex.prefiltered):
# most words then fail one test instead of every marker.
_FUTURE_PLAIN = _FUTURE
_FUTURE = {lang: prefiltered(regex, 4) for lang, regex in _FUTURE_PLAIN.items()}
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
        return [m.start("x") for m in _RU_PAST.finditer(text, s, e)
                if not m.group("vl") or _ru_past_stem(_word_ending_at(text, m.start("x"), m.start("x") + 2))]
    return [m.start("x") for m in _AZ_PAST.finditer(text, s, e)
            if _word_ending_at(text, m.start("x"), m.end()) not in _AZ_NOT_PAST]


def _ru_past_stem(stem: str) -> bool:
    """Is the word up to its "л" ("сообщил", "правил") a past verb rather than a noun?"""
    if stem in _RU_NOT_PAST:
        return False
    return not stem.endswith("тел") or stem.endswith(_RU_TEL_VERBS)


def _markers(text: str, lang: str, s: int, e: int,
             cache: dict | None) -> tuple[list[tuple[int, int]], list[int], list[tuple[int, int]]]:
    """The future markers of text[s:e] (spans), the positions of its past forms and the spans of
    its verbs of intent with their infinitives. A past ending inside a future marker is part of it
    ("planlaşdırılıb" is planned); a verb of intent is neither. ``cache`` (one per text) keeps them for the next date of
    the same sentence or clause."""
    if cache is not None and (s, e) in cache:
        return cache[s, e]
    intent = [m.span() for m in _INTENT[lang].finditer(text, s, e)]
    future = [m.span() for m in _FUTURE[lang].finditer(text, s, e) if not any(a <= m.start() < b for a, b in intent)]
    taken = future + intent
    past = [p for p in _past_positions(text, lang, s, e) if not any(a <= p < b for a, b in taken)]
    if cache is not None:
        cache[s, e] = (future, past, intent)
    return future, past, intent


def _tense_in(text: str, lang: str, s: int, e: int, start: int, end: int, future_only: bool,
              cache: dict | None = None, in_clause: bool = False) -> str | None:
    """"future" / "past" by the markers in text[s:e], the nearest to [start, end) deciding;
    with ``future_only``, None stands for past and no tense alike. ``in_clause``: text[s:e] is the
    date's clause, where an infinitive of intent before the date makes it the date of what is to come."""
    spans, all_past, intent = _markers(text, lang, s, e, cache)
    future = [a for a, _ in spans if not start <= a < end]
    if in_clause:
        future += [b for _, b in intent if b <= start]
    if future_only and not future:
        return None
    past = [p for p in all_past if not start <= p < end]
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
          future_only: bool = False, cache: dict | None = None) -> str | None:
    """Tense of the clause of [start, end), or of its sentence when the clause has no marker.
    ``future_only``: the caller only asks whether it is the future (None otherwise).
    ``cache``: a dict kept for one text, to find the markers of a span once."""
    s, e = sentence
    cs, ce = clause(text, s, e, start, end)
    found = _tense_in(text, lang, cs, ce, start, end, False, cache, in_clause=True)
    if found is None and (cs, ce) != (s, e):
        found = _tense_in(text, lang, s, e, start, end, future_only, cache)
    return found


def has_future(text: str, lang: str, s: int, e: int) -> bool:
    """Any future marker in text[s:e]."""
    return _FUTURE[lang].search(text, s, e) is not None
