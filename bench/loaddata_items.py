"""Load N published information items quickly, for the benchmark.

    DATABASE_URL=postgres://… .venv/bin/python bench/loaddata_items.py [N]

N defaults to 200,000 (BENCH_ITEMS). Without DATABASE_URL the items go to
var/bench.sqlite3, never to the development database. The items belong to agencies
whose code starts with "bench-", spread over the national catalogue, with Chinese
titles and bodies built from a fixed vocabulary (seeded, so every run is the same),
search_text filled as the publishing workflow fills it. The full-text index is
dropped during the load and built once at the end, which is much faster than
updating it row by row (so are the page-cache generation triggers).
"""

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
BATCH = 2000

SUBJECTS = [
    "城乡低保", "特困供养", "临时救助", "耕地地力保护补贴", "农机购置补贴", "义务教育", "学生资助",
    "医疗保障", "养老服务", "稳岗就业", "乡村振兴", "疫情防控", "食品药品监管", "生态环境",
    "公共文化服务", "财政预算", "政府采购", "行政许可", "行政处罚", "安全生产", "住房保障",
    "房屋征收", "土地征收", "农田水利", "宅基地审核", "城市管理", "交通运输", "公务员招考",
]
FORMS = ["工作的通知", "实施方案", "管理办法", "公示", "情况报告", "工作要点", "资金分配结果", "政策解读",
         "名单公示", "标准调整的通知", "考核结果", "专项行动方案"]
SENTENCES = [
    "各乡镇人民政府、街道办事处，县政府各部门：",
    "为进一步做好{s}工作，根据有关规定，结合我县实际，制定本方案。",
    "坚持以人民为中心的发展思想，切实保障困难群众基本生活。",
    "各单位要提高思想认识，加强组织领导，明确工作责任。",
    "{s}资金实行专户管理、专账核算，任何单位不得截留挪用。",
    "对符合条件的申请对象，经审核审批后按月发放补贴。",
    "本通知自印发之日起施行，有效期五年。",
    "请各单位于每月五日前报送工作进展情况。",
    "县财政局、县民政局负责做好资金保障和监督检查工作。",
    "申请人可通过县政府网站、政务服务中心等渠道查询办理进度。",
    "加强信息公开，主动接受社会监督，及时回应群众关切。",
]


def setup_django() -> None:
    os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
    sys.path.insert(0, str(ROOT))
    (ROOT / "var").mkdir(exist_ok=True)
    import django

    django.setup()


def bench_agencies():
    from gongkai.agencies.models import Agency, AgencyKind

    county, _ = Agency.objects.get_or_create(
        code="bench-county", defaults={"name": "基准县人民政府", "kind": AgencyKind.GOVERNMENT,
                                       "index_prefix": "900000001", "office_name": "基准县人民政府办公室"},
    )
    agencies = [county]
    for n in range(1, 21):
        agency, _ = Agency.objects.get_or_create(
            code=f"bench-dept-{n}", defaults={"name": f"基准县第{n}局", "kind": AgencyKind.DEPARTMENT,
                                              "parent": county, "index_prefix": f"9000001{n:02d}"},
        )
        agencies.append(agency)
    for n in range(1, 10):
        agency, _ = Agency.objects.get_or_create(
            code=f"bench-town-{n}", defaults={"name": f"基准县第{n}镇人民政府", "kind": AgencyKind.TOWNSHIP,
                                              "parent": county, "index_prefix": f"9000002{n:02d}"},
        )
        agencies.append(agency)
    return agencies


def loaded_count() -> int:
    from gongkai.publishing.models import InformationItem

    return InformationItem.objects.filter(agency__code__startswith="bench-", status="published").count()


def load(total: int) -> int:
    """Add items until the bench agencies have `total` published items; returns how many were added."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from gongkai.portal.page_cache import drop_generation, ensure_generation
    from gongkai.portal.queries import node_applies_to
    from gongkai.portal.search_index import drop_search_index, ensure_search_index
    from gongkai.publishing.models import CatalogueNode, InformationItem, Topic, Validity
    from gongkai.publishing.search_text import search_text_for

    call_command("migrate", verbosity=0, interactive=False)
    agencies = bench_agencies()
    have = loaded_count()
    if have >= total:
        return 0
    leaves = list(CatalogueNode.objects.filter(agency=None, parent__isnull=False))
    nodes = {a.pk: [n for n in leaves if node_applies_to(n, a)] for a in agencies}
    topics = [t for t, _ in Topic.choices]
    rng = random.Random(have)
    first_day, days = dt.date(2010, 1, 1), 16 * 365
    drop_search_index(connection)
    drop_generation(connection)
    started = time.monotonic()
    for start in range(have, total, BATCH):
        batch = []
        for n in range(start, min(start + BATCH, total)):
            agency = rng.choice(agencies)
            subject = rng.choice(SUBJECTS)
            title = f"关于{subject}{rng.choice(FORMS)}"
            body_text = "".join(rng.choice(SENTENCES).format(s=rng.choice(SUBJECTS)) for _ in range(rng.randint(3, 8)))
            day = first_day + dt.timedelta(days=rng.randrange(days))
            number = f"基准{agency.pk}〔{day.year}〕{n % 500 + 1}号" if rng.random() < 0.4 else ""
            batch.append(InformationItem(
                agency=agency, node=rng.choice(nodes[agency.pk]), title=title, document_number=number,
                written_on=day - dt.timedelta(days=3), formed_on=day, published_on=day, topic=rng.choice(topics),
                validity=Validity.VALID if rng.random() < 0.9 else Validity.REPEALED,
                body=f"<p>{body_text}</p>", body_text=body_text,
                search_text=search_text_for(title, number, body_text),
                status="published", index_number=f"{agency.index_prefix}/{day.year}-B{n:07d}",
            ))
        with transaction.atomic():
            InformationItem.objects.bulk_create(batch)
        if (start // BATCH) % 10 == 0:
            print(f"  {min(start + BATCH, total):,} / {total:,} items, {time.monotonic() - started:.0f} s", file=sys.stderr)
    ensure_search_index(connection)
    ensure_generation(connection)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE publishing_informationitem")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return total - have


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("BENCH_ITEMS", "200000"))
    setup_django()
    started = time.monotonic()
    added = load(total)
    print(f"{added:,} items added ({loaded_count():,} bench items), {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
