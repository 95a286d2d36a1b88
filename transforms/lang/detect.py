"""The language of an article: normalise a declared code, detect it with py3langid, or guess it
from the script.

Detection uses py3langid (a maintained, numpy-only fork of langid.py whose model knows
Azerbaijani), restricted to the languages this corpus holds plus their usual confusions,
so that short Azerbaijani texts are not read as Turkish and Russian is not read as Ukrainian.
The script guess is what an extractor uses for a text whose language is none of the supported
ones (or unknown): it reads the same signals the detector's answer rests on for these languages
(the share of Cyrillic letters, the Azerbaijani schwa), so that for a text the detector puts in a
supported language both agree.
"""
from __future__ import annotations

from functools import lru_cache

from transforms.lang.base import Language

# Candidates the detector may answer; the neighbours are there so that a Turkish or Ukrainian
# article is reported as such (and not extracted as az/ru) rather than forced into a wrong class.
_NEIGHBOURS = ["tr", "uk", "kk", "be", "de", "fr", "fa", "ka", "hy"]
# 'ə' exists only in Azerbaijani among the candidates; about 1 letter in 12 in Azerbaijani text. A
# Russian or English article that quotes a name such as "Əliyev" stays below this share.
_MARKER_SHARE = 0.02
_SAMPLE = 4000


def normalise_language(code: str | None, languages: dict[str, Language]) -> str | None:
    """A declared language code in canonical form (a supported code, or another ISO 639-1 code)."""
    if code is None:
        return None
    key = str(code).strip().lower()
    if not key:
        return None
    aliases = {alias: lang.code for lang in languages.values() for alias in (lang.code, *lang.aliases)}
    if key in aliases:
        return aliases[key]
    head = key.replace("_", "-").split("-")[0]
    return aliases.get(head, head if len(head) == 2 and head.isalpha() else None)


@lru_cache(maxsize=1)
def _identifier(candidates: tuple[str, ...]):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


def _marked(sample: str, languages: dict[str, Language]) -> str | None:
    """The language whose marker letters make up a share of the letters of ``sample`` that no
    quoted name reaches, if any."""
    n_letters = sum(ch.isalpha() for ch in sample)
    for lang in languages.values():
        if lang.marker_letters and sum(sample.count(ch) for ch in lang.marker_letters) >= _MARKER_SHARE * n_letters:
            return lang.code
    return None


def detect_language(text: str, languages: dict[str, Language]) -> tuple[str | None, float]:
    """(language code, confidence 0..1) of ``text``; (None, 0.0) when there is nothing to read."""
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    marked = _marked(sample, languages)
    if marked is not None:
        return marked, 1.0
    language, confidence = _identifier((*languages, *_NEIGHBOURS)).classify(sample)
    return str(language), round(float(confidence), 4)


def script_guess(text: str, languages: dict[str, Language]) -> str:
    """A supported language for ``text`` from its letters alone (no model): the language whose
    marker letters the text writes often enough, else the script most of its letters are in and,
    within it, the language without marker letters ("Trade with Москва grew" is English)."""
    sample = text[:_SAMPLE]
    marked = _marked(sample, languages)
    if marked is not None:
        return marked
    scripts: dict[str, int] = {}
    letters_of = {lang.code: set(lang.lower_letters + lang.upper_letters) for lang in languages.values()}
    for lang in languages.values():
        scripts.setdefault(lang.script, 0)
    counts = dict.fromkeys(scripts, 0)
    for ch in sample:
        if ch.isalpha():
            for lang in languages.values():
                if ch in letters_of[lang.code]:
                    counts[lang.script] += 1
                    break
    script = max(counts, key=lambda s: (counts[s], s == "latin"))
    unmarked = [lang.code for lang in languages.values() if lang.script == script and not lang.marker_letters]
    in_script = [lang.code for lang in languages.values() if lang.script == script]
    return (unmarked or in_script)[0]
