"""kronik's Indonesian tokenizer for the NER pipeline: spaCy's Indonesian punctuation rules, without its
~16,000 tokenizer exceptions, which take four seconds to load. What those exceptions mostly keep whole,
reduplicated and hyphenated common words ("anak-anak", "sehari-hari"), a token pattern keeps instead;
hyphenated proper names ("Rusia-Ukraina") are still split, as the NER corpora split them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.id import Indonesian
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

#: A word whose hyphen joins lower-case parts: "anak-anak", "Anak-anak", "sehari-hari", "kata-kata".
HYPHENATED_WORD = re.compile(r"^[A-Za-z][a-z]*(?:-(?!(?:nya|lah|kah|pun|ku|mu)$)[a-z]+)+$")


@registry.tokenizers("kronik.IndonesianTokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        d = Indonesian.Defaults
        return Tokenizer(
            nlp.vocab,
            rules={},
            prefix_search=compile_prefix_regex(d.prefixes).search,
            suffix_search=compile_suffix_regex(d.suffixes).search,
            infix_finditer=compile_infix_regex(d.infixes).finditer,
            token_match=HYPHENATED_WORD.match,
            url_match=d.url_match,
        )

    return make
