"""Azerbaijani words of what a date is the time of (see transforms/dates/roles/__init__.py)."""
from __future__ import annotations

import re

from transforms.dates.roles import cue_words

_LETTER = "a-zəıöüğşçA-ZƏIİÖÜĞŞÇ"


def _cue(*stems: str) -> re.Pattern:
    return cue_words(_LETTER, *stems)


EVENT_CUES = {
    "call": _cue("telefon", "zəng$", "zəngi$", "zəngində$", "zəngdə$", "zəng ed", "zəng et", "zəngləş", "zəng vur"),
    "signing": _cue("imzala", "ratifikasiya", "təsdiq", "təyin", "qəbul edil", "qüvvəyə", "fərman", "sərəncam", "saziş",
                    "müqavilə", "bəyannamə", "memorandum", "protokol", "razılaşma", "yol xəritə", "qoşul", "bağlan"),
    "visit": _cue("səfər", "ziyarət", "gəl", "gəlib", "gələcək", "qonaq", "yola düş"),
    "meeting": _cue("görüş", "danışıq", "sammit", "iclas", "sessiya", "forum", "konfrans", "məsləhətləşmə", "müzakirə",
                    "toplan", "qəbul edib", "qəbul edəcək", "komissiya", "fikir mübadiləsi"),
    "statement": _cue("bildir", "deyib", "deyə", "açıqla", "bəyanat", "müsahibə", "brifinq", "mətbuat konfrans",
                      "məktub", "təbrik", "məlumat ver", "məlumat yay", "qeyd edib", "vurğula", "xəbər ver", "çıxış",
                      "üzr istə", "şərh", "iddia", "ittiham", "xəbərdar", "qına", "etiraz not"),
    "incident": _cue("hücum", "qəza", "vurub", "yaralan", "işğal", "zərbə", "axtarış apar", "qaçırıl", "atəş", "toqquşma", "partlayış", "saxlan", "həbs", "ölüm", "öldür", "həlak",
                     "qətl", "reyd", "basqın", "yanğın", "vurul", "müharibə", "döyüş"),
    "other_event": _cue("qurul", "seçki", "seçil", "yaradıl", "çağırıl", "bayram$", "bayramı",
                        "bayramında", "qeyd olun", "dayandır", "bərpa", "əsası qoyul", "gətiril", "məhkum", "hökm", "etiraz aksiya",
                        "ləğv", "təxirə sal", "təlim"),
}
LIGHT_CUES = {
    "meeting": _cue("keçiril", "keçirə", "baş tut"),
    "other_event": _cue("başla", "başa çat", "yekunlaş", "açıl", "göndər", "qoyul"),
}
# The verb that governs a date ends its clause: the last cue after the date decides.
HEAD_FINAL = True
COUNTED_HAPPENINGS = re.compile(rf"(?i)(?<![{_LETTER}])(?:(?:birinci|ikinci|üçüncü|dördüncü|beşinci|altıncı|"
                                rf"[0-9]+-?(?:ci|cı|cu|cü))\s+(?:\S+\s+){{0,2}}(?:görüş|səfər|sammit|danışıq|iclas)"
                                rf"|\w+\s+dəfə)[{_LETTER}]*")
REPORTED_CONTENT = re.compile(rf"(?i)(?<![{_LETTER}])ki(?![{_LETTER}])")
DURING = re.compile(rf"(?i)(?:zamanı|ərzində|gedişində)\s*$")           # after the noun: "danışıqlar zamanı"
SETTING = re.compile(rf"(?i)çərçivəsində")
# A participle after the date ("2022-ci ilin sentyabrında Bakıda keçirilən üçtərəfli görüş", "2020-ci
# ildə əldə edilmiş razılaşmalar"): the date is the time of the noun it qualifies.
_PARTICIPLE = rf"[{_LETTER}]+(?:mış|miş|muş|müş|[ıiuü]lan|[ıiuü]lən|[ıiuü]nan|[ıiuü]nən)(?![{_LETTER}])"
PARTICIPLE = re.compile(rf"(?i){_PARTICIPLE}")
# The same where a word starts: found as fast, without trying every letter inside each word.
PARTICIPLE_AT_WORD = re.compile(rf"(?i)(?<![{_LETTER}]){_PARTICIPLE}")
SUBJECT_AFTER = re.compile(r"(?!)")
FIGURES = re.compile(r"(?i)[0-9][0-9.,]*\s*(?:%|faiz|milyard|milyon|min|ton|kub|barrel|dollar|manat|rubl|avro)"
                     r"|[$€][0-9]|[0-9]\s*[$€]")
PERIOD_CUES = re.compile(
    rf"(?i)(?<![{_LETTER}])(?:nəticə|yekun|dövr|davam|ənənə|ticarət|dövriyyə|ixrac|idxal|art|azal|təşkil ed|çat|həcm|faiz|milyard|milyon|min ton|"
    rf"ton|kub|dollar|manat|rubl|avro|pay|turist|sərnişin|yük|daşın|tədarük|göstərici|dinamika)[{_LETTER}]*|%|\$")
SPAN_BEFORE = re.compile(r"(?!)")      # the postpositions follow the date: SPAN_AFTER
# After a date, or ending its words, that start or bound a span: "2028-ci ildən etibarən", "2024-cü
# ilə qədər", "2019-cu ildən", "1992-ci ildən bəri", "il ərzində".
SPAN_AFTER = re.compile(r"(?i)[ \t]*(?:etibarən|bəri|qədər|ərzində|kimi)(?![a-zəıöüğşç])|[dt][əa]n$|d[əa]k$")
DEADLINE_BEFORE = re.compile(r"(?!)")
DATELINE_BEFORE = re.compile(r"(?i)(?:tarix|yenilənib|dərc\s+olunub|relizin\s+tarixi)\s*:?\s*$")
# A relative pronoun before a light verb; none here (participles: PARTICIPLE).
RELATIVE_PRONOUN = re.compile(r"(?!)")
# A preposition before a gerund cue makes it the complement of a noun ("interest in visiting").
COMPLEMENT_BEFORE = re.compile(r"(?!)")
# Nouns whose time a date right beside them is ("the results of the first 9 months", "по итогам 2023 года").
PERIOD_HEADS = re.compile(rf"(?i)(?<![{_LETTER}])(?:nəticə|yekun|dövr|göstərici|statistika)[{_LETTER}]*")
# After a date that is the date of a document or act named after it ("10 noyabr 2020-ci il tarixli
# bəyanat"): the noun after decides.
OF_DATE_BEFORE = re.compile(r"(?!)")
OF_DATE_AFTER = re.compile(rf"(?i)[ \t]*(?:tarixli|tarixində\s+imzalanmış)(?![{_LETTER}])")
# The head of its clause is not before the date: none.
TRAILING = None
# Before a date that is a comparison base, beyond the dates' own ("compared with"): none read here (the
# postpositions follow the date: the value rules read them).
COMPARISON_BEFORE = re.compile(r"(?!)")
# A word that opens a sentence and is no place of a date line ("Daha əvvəl, 3 iyun ..."): the date is the
# sentence's, not the page's.
DISCOURSE_BEFORE = re.compile(r"(?i)\s*(?:daha\s+əvvəl|bundan\s+əvvəl|bundan\s+sonra|həmçinin|eyni\s+zamanda|sonra|öncə|"
                              r"əvvəlcə|bu\s+gün|dünən|sabah|nəhayət|xüsusilə)\s*[,.]?\s*")
# Words beside a meeting that make it a call ("telefonla", "telefon vasitəsilə").
BY_PHONE = re.compile(rf"(?i)(?<![{_LETTER}])telefon(?:la|\s+vasitəsilə|\s+ilə)(?![{_LETTER}])")
# The verbs of saying among the statement cues (and "bəyanat", mostly the frame "bəyanatında bildirilir"): at
# the level of the sentence they are mostly its frame,
# while an apology, a congratulation or an interview is a happening of its own.
SAYING = _cue("bildir", "deyib", "deyə", "açıqla", "qeyd edib", "vurğula", "xəbər ver", "məlumat ver", "məlumat yay",
              "bəyanat")
# A determiner before a date that qualifies the noun after it: none read here (OF_DATE_AFTER: "tarixli").
DETERMINER_BEFORE = None
