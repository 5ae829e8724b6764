from django.core.management.base import BaseCommand, CommandError

from gongkai.demo import county as data
from gongkai.demo.loader import DemoRefused, load_demo


class Command(BaseCommand):
    help = "加载演示县（郏县）的机关、人员和公开信息；可重复运行。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="加载演示数据")
        load.add_argument("--items", type=int, default=500, help="演示信息条数（默认 500）")

    def handle(self, *args, **options):
        try:
            report = load_demo(item_count=options["items"])
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        self.stdout.write(
            f"演示数据：新建机关 {report.agencies_created} 个，人员 {report.staff_created} 名，信息 {report.items_created} 条，"
            f"申请 {report.applications_created} 件。"
        )
        self.stdout.write(f"演示登录（密码均为 {data.DEMO_PASSWORD}），登录地址 /staff/login/：")
        for username, full_name, _agency, _roles in data.STAFF:
            self.stdout.write(f"  {username:<18} {full_name}")
        self.stdout.write("政务公开办管理员和负责人首次登录时须用手机验证器（TOTP）扫码绑定，之后每次登录输入验证码。")
