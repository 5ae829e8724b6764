"""Full-text search over published items with the CJK bigram index.

A query is split on white space into words; each word becomes the phrase of its
bigrams (最低生活 → 最低 低生 生活, in a row) and every word must match. A word of one
Chinese character matches the bigrams that start with it. Queries are reduced to
bigram tokens before they reach the database, so no quote or operator in the input
can reach FTS5 or tsquery syntax.
"""

import re
from dataclasses import dataclass, field

from django.db import connection

from gongkai.portal.highlight import highlight, snippet, terms_pattern
from gongkai.publishing.models import InformationItem, ItemStatus
from gongkai.publishing.search_text import bigrams

MAX_QUERY_CHARS = 100
MAX_WORDS = 8
PER_PAGE = 20
MAX_PAGE = 50

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


@dataclass
class SearchResults:
    query: ParsedQuery
    order: str
    page: int
    count: int = 0
    hits: list[Hit] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, (self.count + PER_PAGE - 1) // PER_PAGE)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def search(raw: str | None, *, order: str = Order.RELEVANCE, page: int = 1) -> SearchResults:
    query = parse_query(raw)
    order = order if order in Order.CHOICES else Order.RELEVANCE
    page = min(max(1, page), MAX_PAGE)
    results = SearchResults(query=query, order=order, page=page)
    if not query.searchable:
        return results
    if connection.vendor == "postgresql":
        results.count, ids = _postgresql_ids(query, order, page)
    else:
        results.count, ids = _sqlite_ids(query, order, page)
    items = InformationItem.objects.select_related("agency").defer("body", "search_text").in_bulk(ids)
    pattern = terms_pattern(list(query.terms))
    results.hits = [
        Hit(items[pk], highlight(items[pk].title, pattern), snippet(items[pk].body_text, pattern))
        for pk in ids
        if pk in items
    ]
    return results


# Items whose title holds the first word come first: a title is what the searcher
# recognises. Within that, the backend's text rank, then the newest.

def _sqlite_ids(query: ParsedQuery, order: str, page: int) -> tuple[int, list[int]]:
    match = fts5_match(query)
    where = (
        "FROM portal_item_fts f JOIN publishing_informationitem i ON i.id = f.rowid "
        "WHERE portal_item_fts MATCH %s AND i.status = %s"
    )
    params = [match, ItemStatus.PUBLISHED]
    if order == Order.NEWEST:
        order_by = "i.published_on DESC, i.id DESC"
        order_params = []
    else:
        order_by = "instr(i.title, %s) > 0 DESC, bm25(portal_item_fts), i.published_on DESC, i.id DESC"
        order_params = [query.terms[0] if query.terms else ""]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {where}", params)
        count = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT i.id {where} ORDER BY {order_by} LIMIT %s OFFSET %s",
            params + order_params + [PER_PAGE, (page - 1) * PER_PAGE],
        )
        ids = [row[0] for row in cursor.fetchall()]
    return count, ids


def _postgresql_ids(query: ParsedQuery, order: str, page: int) -> tuple[int, list[int]]:
    tsquery = pg_tsquery(query)
    where = (
        "FROM publishing_informationitem i "
        "WHERE to_tsvector('simple', i.search_text) @@ to_tsquery('simple', %s) AND i.status = %s"
    )
    params = [tsquery, ItemStatus.PUBLISHED]
    if order == Order.NEWEST:
        order_by = "i.published_on DESC, i.id DESC"
        order_params = []
    else:
        order_by = (
            "strpos(i.title, %s) > 0 DESC, "
            "ts_rank(to_tsvector('simple', i.search_text), to_tsquery('simple', %s)) DESC, "
            "i.published_on DESC, i.id DESC"
        )
        order_params = [query.terms[0] if query.terms else "", tsquery]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {where}", params)
        count = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT i.id {where} ORDER BY {order_by} LIMIT %s OFFSET %s",
            params + order_params + [PER_PAGE, (page - 1) * PER_PAGE],
        )
        ids = [row[0] for row in cursor.fetchall()]
    return count, ids
