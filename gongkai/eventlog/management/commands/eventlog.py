"""`gongkai eventlog verify`: walks the event log's hash chain and names the first broken link.

`gongkai eventlog app-role-sql APP_ROLE OWNER_ROLE` prints the grants of the production
database role that owns nothing (gongkai/eventlog/approle.py, docs/security.md).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from gongkai.eventlog.chain import first_break
from gongkai.eventlog.models import Event


class Command(BaseCommand):
    help = "事件记录：verify 校验哈希链，报告第一处断裂。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="校验哈希链")
        grants = sub.add_parser("app-role-sql", help="打印生产环境应用数据库角色的授权语句（PostgreSQL）")
        grants.add_argument("app_role")
        grants.add_argument("owner_role")

    def handle(self, *args, **options):
        if options["action"] == "app-role-sql":
            return self._app_role_sql(options["app_role"], options["owner_role"])
        events = Event.objects.order_by("id").iterator(chunk_size=2000)
        count, broken = first_break(event.as_chained_row() for event in events)
        if broken is not None:
            event = Event.objects.get(pk=broken.row_id)
            when = timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M:%S")
            raise CommandError(
                f"事件记录链在第 {count} 条（编号 {event.pk}，{when}，{event.actor_name}，{event.verb}）处断裂：{broken.reason}。"
            )
        self.stdout.write(f"事件记录链完整：共 {count} 条。")

    def _app_role_sql(self, app_role, owner_role):
        from gongkai.eventlog.approle import app_role_statements

        if connection.vendor != "postgresql":
            raise CommandError("应用数据库角色只用于 PostgreSQL：请用 DATABASE_URL 指向 PostgreSQL 数据库后再运行。")
        with connection.cursor() as cursor:
            for statement in app_role_statements(app_role=app_role, owner_role=owner_role):
                self.stdout.write(statement.as_string(cursor.connection) + ";")
