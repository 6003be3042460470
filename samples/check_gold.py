"""Check samples.gold.json against the sample pages (stdlib only).

usage: python3 samples/check_gold.py   (from the repository root)

Every exact string the gold names (title, lead, body_first, body_last, must_contain,
must_not_contain, removed_kinds) must occur in the page text; must_contain and
must_not_contain must not overlap. HTML is read as UTF-8 whatever its <meta charset>
says, and compared after tags are dropped and entities decoded. Exits 1 on a mismatch.
"""
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Text(HTMLParser):
    """Visible text of an HTML page: script/style/noscript content dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip -= 1
        self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def page_text(rel):
    raw = (ROOT / rel).read_bytes().decode("utf-8")
    if rel.endswith(".html"):
        p = _Text()
        p.feed(raw)
        p.close()
        raw = "".join(p.out)
    return norm(raw)


def main():
    gold = json.loads((ROOT / "samples" / "samples.gold.json").read_text(encoding="utf-8"))
    problems = 0
    for a in gold["articles"]:
        name = a.get("id") or a["input"]
        text = " ".join(page_text(p) for p in a.get("joined_from") or [a["input"]])
        wanted = [a["title"], a["body_first"], a["body_last"], *a["must_contain"], *a["must_not_contain"]]
        wanted += [a["lead"]] if "lead" in a else []
        wanted += [s for v in a.get("removed_kinds", {}).values() for s in v]
        for s in wanted:
            if norm(s) not in text:
                print(f"{name}: not in page: {s!r}")
                problems += 1
        for bad in a["must_not_contain"]:
            for good in a["must_contain"] + [a["body_first"], a["body_last"]]:
                if bad.lower() in good.lower():
                    print(f"{name}: must_not_contain {bad!r} overlaps {good!r}")
                    problems += 1
    print(f"{len(gold['articles'])} gold entries, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
