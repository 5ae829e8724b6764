"""`gongkai applications remind`: e-mail each clerk their due-soon and overdue cases.
`gongkai applications recompute`: recompute every open due date (after a calendar edit).
`gongkai applications lapse`: close the cases whose fee went unpaid past its date.
`gongkai applications receive`: online applications left unconfirmed past their period
are deemed received (条例第三十一条, APPLICATION_RECEIPT_CONFIRMATION_WORKDAYS).

Run `remind`, `lapse` and `receive` daily (cron, or the RQ scheduler)."""

from django.core.management.base import BaseCommand

from gongkai.applications.actions import deem_unconfirmed_received, lapse_unpaid_fees
from gongkai.applications.deadlines import recompute_open_deadlines
from gongkai.applications.reminders import send_reminders


class Command(BaseCommand):
    help = "依申请公开：remind 发送到期提醒；recompute 重新计算办理中申请的答复期限。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("remind", help="给每位经办人发送即将到期和已超期申请的提醒邮件")
        sub.add_parser("recompute", help="重新计算所有办理中申请的答复期限")
        sub.add_parser("lapse", help="缴费期限届满仍未缴费的申请，按逾期未缴费终止办理")
        sub.add_parser("receive", help="逾期未确认收到的网上申请，按规定视为已收到并开始计算答复期限")

    def handle(self, *args, **options):
        if options["action"] == "remind":
            self.stdout.write(f"已发送 {send_reminders()} 封提醒邮件。")
        elif options["action"] == "receive":
            self.stdout.write(f"已按规定视为收到 {deem_unconfirmed_received()} 件申请。")
        elif options["action"] == "lapse":
            self.stdout.write(f"已按逾期未缴费终止 {lapse_unpaid_fees()} 件申请。")
        else:
            self.stdout.write(f"已重新计算 {recompute_open_deadlines()} 件申请的答复期限。")
