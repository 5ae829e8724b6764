"""Chinese text as overlapping two-character tokens, for full-text indexes.

Neither SQLite FTS5 nor PostgreSQL's text search segments Chinese. Indexing every
pair of adjacent CJK characters (the CJK bigram method of Lucene's CJKAnalyzer) lets a
two-character query such as 低保 match any text containing it, and a longer query
match as the phrase of its bigrams, with no dictionary to maintain.
"""

import re

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"[{_CJK}]+|[A-Za-z0-9]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def bigrams(text: str) -> list[str]:
    """Tokens of `text`: CJK runs as bigrams (a lone character as itself), words lower-cased."""
    tokens: list[str] = []
    for run in _RUNS.findall(text or ""):
        if _IS_CJK.match(run):
            if len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run.lower())
    return tokens


def search_text_for(*parts: str) -> str:
    """The space-separated token string stored in InformationItem.search_text."""
    return " ".join(bigrams(" ".join(p for p in parts if p)))
