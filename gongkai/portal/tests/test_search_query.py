"""The query parser and snippet builder: pure, no database."""

from gongkai.portal.highlight import snippet, terms_pattern
from gongkai.portal.search import MAX_QUERY_CHARS, fts5_match, parse_query, pg_tsquery


def test_two_characters_are_one_token():
    query = parse_query("低保")
    assert query.phrases == (("低保",),)
    assert fts5_match(query) == '"低保"'
    assert pg_tsquery(query) == "(低保)"


def test_a_longer_word_is_the_phrase_of_its_bigrams():
    query = parse_query("最低生活")
    assert query.phrases == (("最低", "低生", "生活"),)
    assert fts5_match(query) == '"最低 低生 生活"'
    assert pg_tsquery(query) == "(最低 <-> 低生 <-> 生活)"


def test_words_separated_by_spaces_must_all_match():
    query = parse_query("  低保   补贴 ")
    assert query.text == "低保 补贴"
    assert fts5_match(query) == '"低保" AND "补贴"'
    assert pg_tsquery(query) == "(低保) & (补贴)"


def test_one_chinese_character_matches_as_a_prefix():
    assert fts5_match(parse_query("税")) == '"税"*'
    assert pg_tsquery(parse_query("税")) == "税:*"


def test_syntax_in_the_query_never_reaches_the_database():
    query = parse_query('"低保" OR title:* NEAR(补贴) \' -- ;')
    match = fts5_match(query)
    for dangerous in ("title:", "NEAR(", "'", ";", "--", '""'):
        assert dangerous not in match
    assert query.searchable


def test_punctuation_only_cannot_be_searched_and_says_why():
    query = parse_query('"" ** () ：；')
    assert not query.searchable
    assert "没有可检索" in query.message


def test_empty_query_asks_for_words():
    assert not parse_query("").searchable
    assert parse_query(None).message == "请输入要检索的词语。"


def test_a_very_long_query_is_shortened_with_a_message():
    query = parse_query("低保" * 500)
    assert len(query.text) == MAX_QUERY_CHARS
    assert "过长" in query.message


def test_snippet_marks_words_and_escapes_the_rest():
    pattern = terms_pattern(["低保"])
    html = snippet("<script>x</script>城乡低保标准提高", pattern)
    assert "<mark>低保</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_snippet_is_a_window_around_the_first_hit():
    text = "甲" * 500 + "低保" + "乙" * 500
    html = snippet(text, terms_pattern(["低保"]), width=60)
    assert html.startswith("…") and html.endswith("…")
    assert "<mark>低保</mark>" in html
    assert len(html) < 120


def test_latin_words_are_highlighted_whatever_their_case():
    assert "<mark>PDF</mark>" in snippet("附件为PDF格式", terms_pattern(["pdf"]))
