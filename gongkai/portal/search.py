"""Full-text search over published items with the CJK bigram index.

A query is split on white space into words; each word becomes the phrase of its
bigrams (最低生活 → 最低 低生 生活, in a row) and every word must match. A word of one
Chinese character matches the bigrams that start with it. Queries are reduced to
bigram tokens before they reach the database, so no quote or operator in the input
can reach FTS5 or tsquery syntax.

Results come from an index of published items read newest first (search_index.py):
"newest" is that order; "relevance" re-ranks the newest CANDIDATES matches (title hits
first, then the backend's text rank) and goes on newest first after them. A count past
CANDIDATES is bounded (SQLite) or the planner's estimate (PostgreSQL), and says so.
"""

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from django.db import connection

from gongkai.portal.highlight import highlight, snippet, terms_pattern
from gongkai.portal.search_index import SEARCH_TABLE, item_of_key
from gongkai.publishing.models import InformationItem
from gongkai.publishing.search_text import bigrams

MAX_QUERY_CHARS = 100
MAX_WORDS = 8
PER_PAGE = 20
MAX_PAGE = 50
# Relevance ranks the newest CANDIDATES matches; later pages go on newest first. A
# common bigram matches half of all items, and ranking them all cost seconds.
CANDIDATES = 200
# Counting stops here: "1000 条以上" (SQLite; PostgreSQL estimates instead).
COUNT_LIMIT = MAX_PAGE * PER_PAGE

_TERM = re.compile(r"[^\W_]+")
_ONE_CJK = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$")


class Order:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    CHOICES = (RELEVANCE, NEWEST)


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the query as searched (trimmed, shortened)
    phrases: tuple[tuple[str, ...], ...]  # one tuple of bigram tokens per word
    terms: tuple[str, ...]  # the words' letters, for highlighting
    message: str = ""  # why the query was changed or cannot be searched

    @property
    def searchable(self) -> bool:
        return bool(self.phrases)


def parse_query(raw: str | None) -> ParsedQuery:
    text = " ".join((raw or "").split())
    message = ""
    if not text:
        return ParsedQuery("", (), (), "请输入要检索的词语。")
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS].strip()
        message = f"检索词过长，只按前 {MAX_QUERY_CHARS} 个字检索。"
    phrases, terms = [], []
    for word in text.split(" "):
        tokens = tuple(bigrams(word))
        if tokens and tokens not in phrases:
            phrases.append(tokens)
            terms.extend(_TERM.findall(word))
    if len(phrases) > MAX_WORDS:
        phrases = phrases[:MAX_WORDS]
        message = message or f"检索词太多，只按前 {MAX_WORDS} 个词检索。"
    if not phrases:
        return ParsedQuery(text, (), (), "检索词中没有可检索的汉字、字母或数字。")
    return ParsedQuery(text, tuple(phrases), tuple(terms), message)


def fts5_match(query: ParsedQuery) -> str:
    """The FTS5 MATCH expression: tokens are only letters and digits, so quoting is safe."""
    parts = []
    for tokens in query.phrases:
        if len(tokens) == 1 and _ONE_CJK.match(tokens[0]):
            parts.append(f'"{tokens[0]}"*')
        else:
            parts.append('"' + " ".join(tokens) + '"')
    return " AND ".join(parts)


def pg_tsquery(query: ParsedQuery) -> str:
    """The to_tsquery('simple', …) text: <-> joins a phrase, & joins words."""
    parts = []
    for tokens in query.phrases:
        if len(tokens) == 1 and _ONE_CJK.match(tokens[0]):
            parts.append(f"{tokens[0]}:*")
        else:
            parts.append("(" + " <-> ".join(tokens) + ")")
    return " & ".join(parts)


@dataclass
class Hit:
    item: InformationItem
    title_html: str
    snippet_html: str


class CountKind:
    EXACT = "exact"
    ESTIMATE = "estimate"  # PostgreSQL's planner estimate: "约 N 条"
    AT_LEAST = "at_least"  # counted up to a bound: "N 条以上"


@dataclass
class SearchResults:
    query: ParsedQuery
    order: str
    page: int
    count: int = 0
    count_kind: str = CountKind.EXACT
    more: bool = False  # whether a later page has hits
    hits: list[Hit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.count + PER_PAGE - 1) // PER_PAGE)

    @property
    def count_is_exact(self) -> bool:
        return self.count_kind == CountKind.EXACT

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def has_next(self) -> bool:
        return self.more and self.page < MAX_PAGE

    @property
    def has_previous(self) -> bool:
        return self.page > 1


@dataclass(frozen=True)
class Match:
    item_id: int
    published_on: dt.date | None
    score: float = 0.0  # lower is better on both backends


def search(raw: str | None, *, order: str = Order.RELEVANCE, page: int = 1) -> SearchResults:
    query = parse_query(raw)
    order = order if order in Order.CHOICES else Order.RELEVANCE
    page = min(max(1, page), MAX_PAGE)
    results = SearchResults(query=query, order=order, page=page)
    if not query.searchable:
        return results
    backend = _PostgreSQL(query) if connection.vendor == "postgresql" else _SQLite(query)
    offset = (page - 1) * PER_PAGE
    if offset < CANDIDATES:
        matches = backend.newest(CANDIDATES + 1)
        beyond = len(matches) > CANDIDATES
        matches = matches[:CANDIDATES]
        if order == Order.RELEVANCE:
            matches = _by_relevance(matches, query)
        ids = [m.item_id for m in matches[offset : offset + PER_PAGE]]
        results.more = beyond or offset + PER_PAGE < len(matches)
        if beyond:
            results.count, results.count_kind = backend.count(at_least=CANDIDATES + 1)
        else:
            results.count = len(matches)
    else:
        # Past the ranked window both orders go on newest first (the window is the newest matches).
        matches = backend.newest(PER_PAGE + 1, offset=offset)
        ids = [m.item_id for m in matches[:PER_PAGE]]
        results.more = len(matches) > PER_PAGE
        results.count, results.count_kind = backend.count(at_least=offset + len(matches))
    items = InformationItem.objects.select_related("agency").only(*HIT_FIELDS).in_bulk(ids)
    pattern = terms_pattern(list(query.terms))
    results.hits = [
        Hit(items[pk], highlight(items[pk].title, pattern), snippet(items[pk].body_text, pattern))
        for pk in ids
        if pk in items
    ]
    return results


HIT_FIELDS = ("title", "document_number", "published_on", "body_text", "agency__name", "agency__short_name")


def _by_relevance(matches: list[Match], query: ParsedQuery) -> list[Match]:
    """Items whose title holds the first word first (a title is what the searcher
    recognises); then the backend's text rank; then the newest."""
    first = (query.terms[0] if query.terms else "").casefold()
    titles = dict(
        InformationItem.objects.filter(pk__in=[m.item_id for m in matches]).values_list("pk", "title")
    )

    def key(m: Match):
        in_title = bool(first) and first in titles.get(m.item_id, "").casefold()
        return (not in_title, m.score, -(m.published_on or dt.date.min).toordinal(), -m.item_id)

    return sorted(matches, key=key)


# Both backends read matches newest first from an index over published items only,
# stopping after the rows asked for (see search_index.py).

class _SQLite:
    def __init__(self, query: ParsedQuery):
        self.match = fts5_match(query)

    def newest(self, limit: int, offset: int = 0) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({SEARCH_TABLE}) FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH %s "
                "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [self.match, limit, offset],
            )
            rows = cursor.fetchall()
        matches = []
        for key, score in rows:
            published_on, item_id = item_of_key(key)
            matches.append(Match(item_id, published_on, score))
        return matches

    def count(self, at_least: int) -> tuple[int, str]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH %s LIMIT %s)",
                [self.match, COUNT_LIMIT + 1],
            )
            found = cursor.fetchone()[0]
        if found > COUNT_LIMIT:
            return COUNT_LIMIT, CountKind.AT_LEAST
        return found, CountKind.EXACT


class _PostgreSQL:
    def __init__(self, query: ParsedQuery):
        self.tsquery = pg_tsquery(query)

    def newest(self, limit: int, offset: int = 0) -> list[Match]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT item_id, published_on, -ts_rank(document, q) "
                f"FROM {SEARCH_TABLE}, to_tsquery('simple', %s) q WHERE document @@ q "
                "ORDER BY published_on DESC NULLS LAST, item_id DESC LIMIT %s OFFSET %s",
                [self.tsquery, limit, offset],
            )
            return [Match(*row) for row in cursor.fetchall()]

    def count(self, at_least: int) -> tuple[int, str]:
        # Counting tens of thousands of matches costs more than the page itself: ask the
        # planner, which knows how common each bigram is (ANALYZE of the stored tsvector).
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {SEARCH_TABLE} WHERE document @@ to_tsquery('simple', %s)",
                [self.tsquery],
            )
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        estimate = int(plan[0]["Plan"]["Plan Rows"])
        return max(estimate, at_least), CountKind.ESTIMATE
