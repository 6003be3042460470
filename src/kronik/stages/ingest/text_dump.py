"""Plain-text page dumps (what a reader copies from the browser, or ``w3m -dump``): one block a line."""

from __future__ import annotations

import re

from kronik.data import Block

_RULE = re.compile(r"^[\s━─—=_*~-]{5,}$")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060\ufeff]")  # zero-width and direction marks


def text_blocks(text: str) -> list[Block]:
    """Split a text dump into blocks: each non-empty line, whitespace tidied; rule lines dropped."""
    blocks: list[Block] = []
    for line in _ZERO_WIDTH.sub("", text).splitlines():
        clean = _SPACES.sub(" ", line).strip()
        if not clean or _RULE.match(clean):
            continue
        blocks.append(Block(text=clean, index=len(blocks)))
    return blocks
