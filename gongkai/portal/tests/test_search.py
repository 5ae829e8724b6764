"""Full-text search on whichever backend the suite runs on (SQLite FTS5 or PostgreSQL)."""

import datetime as dt

import pytest

from gongkai.portal.search import MAX_PAGE, PER_PAGE, search
from gongkai.portal.tests.factories import make_item
from gongkai.publishing.models import InformationItem, ItemStatus
from gongkai.publishing.search_text import search_text_for


@pytest.fixture
def items(county):
    return {
        "title": make_item(county.dept, title="2021年城乡低保标准调整的通知", published_on=dt.date(2021, 1, 5)),
        "body": make_item(county.other_dept, title="关于社会救助工作的意见",
                          body="<p>做好困难群众低保、特困供养工作。</p>", published_on=dt.date(2021, 6, 1)),
        "number": make_item(county.county, title="县政府常务会议纪要", document_number="郏政低保〔2021〕3号",
                            published_on=dt.date(2021, 2, 1)),
        "subsidy": make_item(county.dept, title="耕地地力保护补贴发放公示", body="<p>补贴标准每亩 100 元。</p>",
                             published_on=dt.date(2021, 7, 1)),
        "draft": make_item(county.dept, title="低保资金使用情况（草稿）", status=ItemStatus.DRAFT),
    }


def titles(results):
    return [hit.item.title for hit in results.hits]


def test_two_characters_find_title_body_and_document_number(items):
    results = search("低保")
    assert results.count == 3
    assert {hit.item.pk for hit in results.hits} == {items["title"].pk, items["body"].pk, items["number"].pk}


def test_drafts_are_never_found(items):
    assert items["draft"].title not in titles(search("低保"))
    assert search("草稿").count == 0


def test_relevance_puts_title_matches_first(items):
    assert titles(search("低保", order="relevance"))[0] == items["title"].title


def test_newest_first(items):
    assert titles(search("低保", order="newest")) == [
        items["body"].title, items["number"].title, items["title"].title,
    ]


def test_a_longer_query_is_a_phrase_not_a_bag_of_bigrams(county):
    make_item(county.dept, title="最低生活保障", published_on=dt.date(2021, 1, 1))
    # Same bigrams 生活 and 最低, but not in a row.
    make_item(county.dept, title="生活垃圾最低收费", published_on=dt.date(2021, 1, 2))
    assert titles(search("最低生活")) == ["最低生活保障"]


def test_every_word_must_match(items):
    assert titles(search("低保 特困")) == [items["body"].title]


def test_hits_are_highlighted_and_escaped(county):
    make_item(county.dept, title="<b>低保</b>公示", body="<p>城乡低保对象 &lt;名单&gt;</p>")
    hit = search("低保").hits[0]
    assert "<mark>低保</mark>" in hit.title_html
    assert "&lt;b&gt;" in hit.title_html
    assert "<mark>低保</mark>" in hit.snippet_html
    assert "&lt;名单&gt;" in hit.snippet_html


@pytest.mark.parametrize("hostile", [
    '"', '""', "'", "低保\"", "NEAR(低保 补贴)", "低保 OR 补贴", "title:低保", "*", "^低保",
    "低保' OR 1=1 --", "(((", "低" * 1000, "\x00低保", "", "   ", "🙂",
])
def test_hostile_queries_give_a_clear_result(items, hostile):
    results = search(hostile)
    assert results.count >= 0
    assert results.query.searchable or results.query.message


def test_one_character_query_finds_words_starting_with_it(items):
    assert items["subsidy"].pk in {hit.item.pk for hit in search("补").hits}


def test_pages(county):
    for day in range(PER_PAGE + 3):
        make_item(county.dept, title=f"补贴公示第{day}期", published_on=dt.date(2021, 1, 1) + dt.timedelta(days=day))
    first, second = search("补贴", page=1), search("补贴", page=2)
    assert first.count == PER_PAGE + 3 and first.pages == 2
    assert len(first.hits) == PER_PAGE and len(second.hits) == 3
    assert not {h.item.pk for h in first.hits} & {h.item.pk for h in second.hits}
    assert search("补贴", page=10**9).page == MAX_PAGE


def test_the_index_follows_edits_and_deletions(county):
    item = make_item(county.dept, title="补贴发放公示")
    item.title = "救助资金公示"
    item.search_text = search_text_for(item.title, "", item.body_text)
    item.save()
    assert search("补贴").count == 0
    assert search("救助").count == 1
    InformationItem.objects.filter(pk=item.pk).delete()
    assert search("救助").count == 0


def test_withdrawing_an_item_hides_it(county):
    item = make_item(county.dept, title="补贴发放公示")
    InformationItem.objects.filter(pk=item.pk).update(status=ItemStatus.WITHDRAWN)
    assert search("补贴").count == 0


def test_past_the_ranked_window_pages_go_on_newest_first_and_the_count_says_it_is_bounded(county, monkeypatch):
    from gongkai.portal import search as module

    monkeypatch.setattr(module, "CANDIDATES", PER_PAGE)
    monkeypatch.setattr(module, "COUNT_LIMIT", 2 * PER_PAGE)
    newest_first = [
        make_item(county.dept, title=f"第{n}期补贴公示" if n % 7 else f"补贴标题{n}", body="<p>补贴</p>",
                  published_on=dt.date(2021, 1, 1) + dt.timedelta(days=n)).pk
        for n in range(3 * PER_PAGE)
    ][::-1]
    pages = [search("补贴", page=p) for p in (1, 2, 3)]
    assert {h.item.pk for h in pages[0].hits} == set(newest_first[:PER_PAGE])  # the ranked window
    assert [h.item.pk for h in pages[1].hits] == newest_first[PER_PAGE : 2 * PER_PAGE]
    assert [h.item.pk for h in pages[2].hits] == newest_first[2 * PER_PAGE :]
    assert [p.has_next for p in pages] == [True, True, False]
    assert pages[0].count > PER_PAGE and not pages[0].count_is_exact


def test_a_small_result_is_counted_exactly(items):
    results = search("补贴")
    assert results.count == 1 and results.count_is_exact and not results.has_next
