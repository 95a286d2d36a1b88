"""Language of an article: normalise a declared code, or detect it.

Detection uses py3langid (a maintained, numpy-only fork of langid.py whose model knows
Azerbaijani), restricted to the languages this corpus holds plus their usual confusions,
so that short Azerbaijani texts are not read as Turkish and Russian is not read as Ukrainian.
"""
from __future__ import annotations

from functools import lru_cache

SUPPORTED = ("az", "ru", "en")
# Candidates the detector may answer; the neighbours are there so that a Turkish or Ukrainian
# article is reported as such (and not extracted as az/ru) rather than forced into a wrong class.
_CANDIDATES = ["az", "ru", "en", "tr", "uk", "kk", "be", "de", "fr", "fa", "ka", "hy"]

_SCHWA_SHARE = 0.02

_ALIASES = {
    "az": "az", "aze": "az", "azb": "az", "azj": "az", "azerbaijani": "az", "azəri": "az", "azeri": "az",
    "az-latn": "az", "az_az": "az", "az-az": "az",
    "ru": "ru", "rus": "ru", "russian": "ru", "ru-ru": "ru", "ru_ru": "ru", "русский": "ru",
    "en": "en", "eng": "en", "english": "en", "en-us": "en", "en-gb": "en", "en_us": "en", "en_gb": "en",
}


def normalise_language(code: str | None) -> str | None:
    """A declared language code in canonical form ('az', 'ru', 'en', or another ISO 639-1 code)."""
    if code is None:
        return None
    key = str(code).strip().lower()
    if not key:
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    head = key.replace("_", "-").split("-")[0]
    return _ALIASES.get(head, head if len(head) == 2 and head.isalpha() else None)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_CANDIDATES)
    return identifier


def detect_language(text: str, sample_chars: int = 4000) -> tuple[str | None, float]:
    """(language code, confidence 0..1) of ``text``; (None, 0.0) when there is nothing to read."""
    sample = text[:sample_chars]
    if not any(ch.isalpha() for ch in sample):
        return None, 0.0
    # 'ə' exists only in Azerbaijani among the candidates; it settles short texts langid hesitates on.
    # Only when it is frequent (about 1 letter in 12 in Azerbaijani): a Russian or English article
    # that quotes a name such as "Əliyev" is not Azerbaijani.
    n_letters = sum(ch.isalpha() for ch in sample)
    if (sample.count("ə") + sample.count("Ə")) >= _SCHWA_SHARE * n_letters:
        return "az", 1.0
    language, confidence = _identifier().classify(sample)
    return str(language), round(float(confidence), 4)
