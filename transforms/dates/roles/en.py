"""English words of what a date is the time of (see transforms/dates/roles/__init__.py)."""
from __future__ import annotations

import re

from transforms.dates.roles import cue_words


def _cue(*stems: str) -> re.Pattern:
    return cue_words(r"\w", *stems)


# The happenings, each by the verbs and nouns that govern its date.
EVENT_CUES = {
    "call": _cue("phone", "telephone", r"call$", r"called$", "calls$", "video call", "conversation", r"rang$", "dialed$", "dialled$"),
    "signing": _cue("sign", "ratif", "appoint", "approv", "adopt", "enter into force", "entered into force", "enters into force",
                    "came into force", "come into force", "decree", "conclu", "agreement", "declaration", "treaty",
                    "protocol", "memorandum", "contract", "accord$", "deal$", "roadmap", "formaliz", "joined$",
                    "into effect", r"(?:take|takes|took|taken|taking) effect", "inked$", "inking$", "endors", "enact", "convention", r"agreed\s+(?:to|on|upon)",
                    "promulgat", r"initial(?:l)?ed$", "resolution", "legislation", r"bill$", "signing ceremony", r"sign(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:statement|letter|message|appeal)",
                    r"pass(?:ed|es)?\s+(?:the|a|an)\s+(?:\w+\s+){0,2}(?:bill|law|resolution|amendment|budget)"),
    "visit": _cue("visit", "trip$", "arriv", "tour$", "travel", "came to", "flew to", "fly to", "stay$", "stay in",
                  "depart", "headed to", "heads to", "head to", "left for", "leave for", "leaves for", "come to",
                  r"(?:was|were|is|are|be|been)\s+in\s+(?-i:[A-Z])", "trips$", "tours$", "toured$", "touring$", "landed$", "lands in", "went to", "stopover",
                  r"(?:is|are|was|were)\s+expected\s+(?:to\s+arrive\s+)?in"),
    "meeting": _cue("meet", "met$", "talks$", "negotiat", "summit", "session", "forum", "conference", "consultation",
                    "congress", "discuss", "round of", "commission", "gathering", "received$", "receives$", "exchange of views",
                    "exchanged views",
                    "receive$", "hosted$", r"conven(?:e|ed|es|ing)$", "sat down", "sit down", "gather", "hosts$", "host$", "symposium",
                    "seminar", "roundtable", "round table", "plenary", "assembl", "videoconferenc", "video conferenc",
                    "talked$", "attended$", "attends$", "attend$", "attending$"),
    "statement": _cue("said$", "say$", "says$", "statement", "stated$", "announc", "apolog", "confirm", "affirm",
                      "speaking to", "spoke to", "interview", "press conference", "briefing",
                      "letter", "message", "reported$", "reports that", "told$", "noted$", "declared$", "congratulat", "address$",
                      "remarks$", "speech$", "tweet", "wrote$", "emphasiz", "stress", "news conference", "called on", "calls on",
                      "accus", "criticiz", "criticis", "condemn", "warned$", "warns$", "urged$", "urges$", "denied$", "denies$",
                      "claimed$", "comment", "insisted$", "admit", "acknowledg", "conced", "spoke at", "speaking at", "addressed$", "addressing$", "condolenc",
                      "explained$", "added$", "pointed out", "highlighted$", "underlined$", "asserted$", "argued$",
                      "answered$", "responded$", "replied$", "expressed$", "thanked$", "promised$", "pledged$",
                      "vowed$", "proposed$", "suggested$", "revealed$", "disclosed$", "informed$", "note of protest",
                      "protest note", "appeal", "press release", "telegram", "called for", "calls for", "demanded$", "demands$",
                      "requested$", "greetings$", "informs$", "inform$"),
    "incident": _cue("attack", "crash", "shoot", "shot$", "clash", "explo", "detain", "detention", "arrest", "death",
                     r"died$", "killed$", "kill$", "murder", "raid", "fire$", "disaster", "downed$", "shelling",
                     "bomb", "hostilities", "fighting$", "war$", "offensive$", "invasion", "invad", "airstrike", "strike$", "strikes$",
                     "struck$", "injur", "wounded$", "sank$", "sunk$", "hijack", "abduct", "kidnap",
                     "went down", r"(?:was|were|been)\s+hit$", "downing$", "remanded$", "custody$", "jailed$", "imprison", r"dies$", r"dead$",
                     "collision", "collided$", "accident", "incident$", "incidents$", "blast$", "blew up", "riot", "assault",
                     "anti-terror", "counter-terror", "earthquake", "flood", "terrorist act", "beaten$", "beating$",
                     "stormed$", "massacre", "genocide", "tragedy", "crash-land", "emergency landing", "emergency-land",
                     "hard landing", "forced landing"),
    "other_event": _cue("establish", "election", "elected$", "summon", "protest", "rally$", "rallies$", "demonstration",
                        "sentenced$", "convicted$", "expelled$", "expels$", "banned$", "closed$", "cancel", "postpon",
                        "founded$", "dispatch", "deliver", "celebrat", "resum", "stopp", "suspend", "deploy",
                        "inaugurat", "creat", r"call(?:ed|s|ing)?\s+off", r"drills$", r"exercises?$", "expel", "deport", r"recall(?:ed|s|ing)?\s+(?:\w+\s+){0,2}(?:ambassador|envoy|diplomats?)", "withdr", "exhibition", "festival", "concert",
                        "credentials"),
}
# Verbs that say only that something happens, begins or goes on ("the visit begins on Monday", "will be
# held in early April"): the kind is that of a noun beside them; alone, these kinds.
LIGHT_CUES = {
    "meeting": _cue("held$", "hold$", "holds$", "take place", "takes place", "took place", "taking place"),
    "other_event": _cue("began$", "begin", "start", "end$", "ended$", "ends$", "complet", "open", "launch"),
}
# The head of a clause comes before its complements (the verb governing a date is near it either side).
HEAD_FINAL = False
# Counts of happenings in a year ("the third meeting in 2024", "met twice this year"): the year is the
# span they are counted in.
COUNTED_HAPPENINGS = re.compile(r"(?i)\b(?:(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:\S+\s+){0,2}"
                                r"(?:meeting|visit|summit|talks|forum|session|conversation|call|time)|once|twice|thrice|"
                                r"(?:two|three|four|five|several|many)\s+times)\b")
# Words that introduce what someone said: a year inside it is not the time of the saying.
REPORTED_CONTENT = re.compile(r"(?i)\b(?:that|whether)\b")
# Figures and states of affairs that a period is the time of.
# A frame that names the happening the date is the time of ("during telephone conversations"), and one
# that names only its setting ("as part of the visit": what happened is said by the verb).
DURING = re.compile(r"(?i)\b(?:during|in\s+the\s+course\s+of|at)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?$")
SETTING = re.compile(r"(?i)\b(?:as\s+part\s+of|within\s+the\s+framework\s+of|on\s+the\s+sidelines\s+of|in\s+the\s+framework\s+of)"
                     r"\s+(?:the\s+|a\s+|an\s+|(?:\w+['’]s\s+)?)?(?:\w+\s+){0,2}$")
# The date is the subject of its clause ("this year is specific", "2022 was a record year"): a period.
SUBJECT_AFTER = re.compile(r"(?i)[ \t,]+(?:is|was|has\s+been|will\s+be|marks|marked|saw|brought|became|remains)\b")
# Numbers of a figure, and the verbs and nouns of a state of affairs or of its change.
FIGURES = re.compile(r"(?i)[0-9][0-9.,]*[\s-]*(?:%|percent|per\s+cent|billion|million|thousand|bln|mln|tons|tonnes|"
                     r"cubic|barrels|dollars|rubles|roubles|manats|euros)|[$€£][0-9]|\b(?:usd|eur|rub|azn)\s*[0-9]")
PERIOD_CUES = re.compile(
    r"(?i)(?<!\w)(?:period|result|boost|number\s+of|continu|tradition|trade|turnover|export|import|grew|grow|increas|decreas|rose|rise|fell|fall|declin|amount|reach|"
    r"total|volume|percent|per\s+cent|billion|million|bln|mln|tons|tonnes|\$|usd|dollars|rubles|roubles|manats|euros|"
    r"growth|figure|share|tourist|visitors|traveller|passengers|cargo|transport|supplie|supply|exceed|dynamic)\w*|%")
# Before a date that starts or bounds a span: "since 1992", "from January 1", "until 2024", "during 2014".
SPAN_BEFORE = re.compile(r"(?i)\b(?:since|from|starting|until|till|through|throughout|during|over|within|for)"
                         r"(?:\s+the)?\s+$")
# Before a deadline with no happening: "by 2030".
DEADLINE_BEFORE = re.compile(r"(?i)\b(?:by|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$")
# A page's own date: "Posted 5 March 2024", "Updated: ...", "Published on".
DATELINE_BEFORE = re.compile(r"(?i)\b(?:posted|updated|published|modified|last\s+modified|date|released)"
                             r"(?:\s+on)?\s*:?\s*$")
SPAN_AFTER = re.compile(r"(?!)")
# Participles that make the date the time of the noun they qualify: none read here.
PARTICIPLE = re.compile(r"(?!)")
PARTICIPLE_AT_WORD = PARTICIPLE
# A relative pronoun before a light verb: the happening is the noun before it ("the visit, which will take place
# tomorrow").
RELATIVE_PRONOUN = re.compile(r"(?i)\b(?:which|that|who)\s+(?:\w+\s+){0,2}$")
# A preposition before a gerund cue makes it the complement of a noun ("interest in visiting").
COMPLEMENT_BEFORE = re.compile(r"(?i)\b(?:in|of|for|about|on|at|to|from|by|with|without)\s+$")
# Nouns whose time a date right beside them is ("the results of the first 9 months", "по итогам 2023 года").
PERIOD_HEADS = re.compile(r"(?i)\b(?:results?|period|figures?|data|statistics)\b")
# Before a date that is the date of a document or act named before it ("the agreements of 10 November
# 2020", "the decree dated December 7, 2015"): the noun before decides.
OF_DATE_BEFORE = re.compile(r"(?i)\b(?:of|dated|from)\s+$")
OF_DATE_AFTER = re.compile(r"(?!)")
# After a date, the words that open a phrase of its own (a purpose, a cause, a relative clause): a cue
# in it does not govern the date when a cue stands before the date ("summoned the ambassador on Tuesday
# over the arrests", "visited Baku on 12 March to discuss transport").
TRAILING = re.compile(r"(?i)(?<!\w)(?:to|in\s+order\s+to|over|for|after|amid|following|where|when|which|who|as|because|"
                      r"under|against|ahead\s+of|before|despite|while|and\s+then|and)\s")
# Before a date that is a comparison base, beyond the dates' own ("compared with"): "up 10% from 2023", "rose to
# $1.2 billion from $900 million in 2022".
COMPARISON_BEFORE = re.compile(r"(?i)(?:\b(?:up|down|higher|lower|more|less)\b[^.;]{0,25}?\bfrom|\bfrom\s+(?:[$€£]\s*)?[0-9][0-9.,]*"
                               r"\s*(?:%|[a-z]+)?(?:\s+[a-z]+)?\s+in)\s+(?:in\s+|the\s+)?$")
# A word that opens a sentence and is no place of a date line ("Earlier, June 3, ..."): the date is the
# sentence's, not the page's.
DISCOURSE_BEFORE = re.compile(r"(?i)\s*(?:earlier|later|meanwhile|previously|then|also|however|yesterday|today|"
                              r"recently|notably|thus|additionally|furthermore|moreover|subsequently|finally|afterwards|"
                              r"in\s+addition|for\s+example|last|next|since\s+then|back)\s*[,.]?\s*")
# Words beside a meeting that make it a call ("the leaders talked by phone on Monday").
BY_PHONE = re.compile(r"(?i)\b(?:by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|via\s+(?:tele)?phone)\b")
# The verbs of saying among the statement cues: at the level of the sentence they are mostly its frame
# ("..., the ministry said"), while an apology, a congratulation or an interview is a happening of its own.
SAYING = _cue("said$", "say$", "says$", "stated$", "told$", "noted$", "reported$", "reports that", "added$", "emphasiz",
              "stress", "wrote$", "pointed out", "explained$", "underlined$", "highlighted$", "asserted$", "insisted$",
              "claimed$", "confirm", "affirm", "announc", "informed$", "informs$", "revealed$", "disclosed$", "according to")
# A determiner before a date that qualifies the noun after it ("the 1997 treaty", "his August 2024 visit").
DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|his|her|its|their|our|this|that|a|an)\s+$|['’]s\s+$")
