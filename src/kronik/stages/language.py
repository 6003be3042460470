"""Stage ``language.v1``: the article's language (id, en, ms, or another), with lingua.

lingua's statistical models ship inside its wheel, so detection works offline. Only a handful of
languages are loaded: the three kronik extracts, plus common ones that let a page in another language
be named rather than forced into one of those three.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from kronik.data import Article

#: Characters of body text looked at; a news lead settles the language well within this.
SAMPLE_CHARS = 800
#: Below this confidence the language is reported but a warning says it is uncertain.
MIN_CONFIDENCE = 0.5
_LANGS = {
    Language.INDONESIAN: "id", Language.MALAY: "ms", Language.ENGLISH: "en", Language.TAGALOG: "tl",
    Language.FRENCH: "fr", Language.GERMAN: "de", Language.SPANISH: "es", Language.DUTCH: "nl",
    Language.RUSSIAN: "ru", Language.UKRAINIAN: "uk", Language.ARABIC: "ar", Language.CHINESE: "zh",
    Language.JAPANESE: "ja", Language.KOREAN: "ko", Language.VIETNAMESE: "vi", Language.THAI: "th",
}  # fmt: skip
EXTRACTED = ("id", "en", "ms")
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGS).with_low_accuracy_mode().build()


def detect(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) of ``text``; (None, 0.0) when it has no letters to go on."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < 20:
        return None, 0.0
    values = detector().compute_language_confidence_values(sample)
    if not values:
        return None, 0.0
    top = values[0]
    return _LANGS[top.language], round(float(top.value), 3)


def language(article: Article) -> Article:
    text = " ".join(article.paragraphs)
    code, confidence = detect(text)
    article.language, article.language_confidence = code, confidence
    if code is None:
        article.warn("language unknown: too little text")
    elif code not in EXTRACTED:
        article.warn(f"language is {code}, not Indonesian: extracted, but rules are tuned for Indonesian")
    elif confidence < MIN_CONFIDENCE:
        article.warn(f"language uncertain ({code}, confidence {confidence})")
    return article
