"""`gongkai calendar …`: load a year's holiday notice, show a year, seed from the package.

gongkai calendar load-notice --year 2027 通知.txt          # shows what it would load
gongkai calendar load-notice --year 2027 通知.txt --yes    # loads it
gongkai calendar show --year 2026
gongkai calendar seed                                      # idempotent: 2004–2026
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.workdays import store
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import NoticeError, parse_notice, with_weekday

ACTOR = "命令行"


class Command(BaseCommand):
    help = "工作日历：载入国务院办公厅节假日安排通知、查看某年安排、从 chinesecalendar 补齐 2004–2026 年。"

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, title="操作")
        load = actions.add_parser(
            "load-notice", help="读取通知文本并载入该年安排（先预览，加 --yes 才写入）"
        )
        load.add_argument("file", help="通知正文的文本文件（UTF-8 或 GB18030）")
        load.add_argument("--year", type=int, help="年份（标题里有年份时可省略）")
        load.add_argument("--source", default="", help="依据（默认取通知里的文号）")
        load.add_argument("--yes", action="store_true", help="确认写入")
        show = actions.add_parser("show", help="列出某年的放假和调休上班日期")
        show.add_argument("--year", type=int, required=True)
        actions.add_parser("seed", help="从 chinesecalendar 载入缺少的 2004–2026 年")

    def handle(self, *args, action, **options):
        {"load-notice": self.load_notice, "show": self.show, "seed": self.seed}[action](**options)

    def load_notice(self, *, file, year, source, yes, **_):
        try:
            notice = parse_notice(_read_text(Path(file)), year)
        except NoticeError as error:
            raise CommandError(str(error)) from error
        source = source or notice.source
        self.stdout.write(f"{notice.year}年节假日安排（依据：{source}）：")
        for item in notice.items:
            self.stdout.write(f"  {item.summary()}")
        existing = CalendarDay.objects.filter(date__year=notice.year).count()
        if CalendarYear.objects.filter(year=notice.year).exists():
            self.stdout.write(f"注意：{notice.year}年已载入，将替换现有的{existing}个特殊日期。")
        if not yes:
            self.stdout.write("尚未写入。核对无误后加 --yes 重新运行以载入。")
            return
        store.load_year(notice.year, notice.special_days(), source, acting_user=ACTOR)
        self.stdout.write(self.style.SUCCESS(f"已载入{notice.year}年的节假日安排。"))

    def show(self, *, year, **_):
        loaded = CalendarYear.objects.filter(year=year).first()
        if loaded:
            self.stdout.write(f"{year}年：已载入（依据：{loaded.source}）")
        else:
            self.stdout.write(
                f"{year}年：尚未载入官方安排，按周一至周五计算，涉及该年的期限均为暂定。"
            )
        for day in CalendarDay.objects.filter(date__year=year):
            kind = "上班" if day.is_workday else "放假"
            self.stdout.write(f"  {with_weekday(day.date)} {kind} {day.name}".rstrip())

    def seed(self, **_):
        loaded = store.seed_missing_years(acting_user=ACTOR)
        if loaded:
            self.stdout.write(self.style.SUCCESS("已载入：" + "、".join(f"{y}年" for y in loaded)))
        else:
            self.stdout.write("2004–2026年均已载入，无需操作。")


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(f"无法读取文件 {path}：{error.strerror}") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")  # notices saved from Windows tools
