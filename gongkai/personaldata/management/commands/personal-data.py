"""`gongkai personal-data purge [--yes]`: anonymise what is past its retention period
(a dry run without --yes: it only counts).
`gongkai personal-data export --id-number … --output DIR`: everything held about a person.
`gongkai personal-data rotate-key`: re-encrypt every proof scan under the newest key."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.personaldata import export, retention


class Command(BaseCommand):
    help = "个人信息：purge 到期匿名化；export 导出某人的全部信息；rotate-key 用最新密钥重新加密身份证明。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        purge = sub.add_parser("purge", help="匿名化保存期限届满的个人信息（默认只统计，不修改）")
        purge.add_argument("--yes", action="store_true", help="确实执行匿名化")
        out = sub.add_parser("export", help="导出与某一证件号码有关的全部信息")
        out.add_argument("--id-number", required=True, help="证件号码")
        out.add_argument("--output", required=True, help="导出到的目录")
        sub.add_parser("rotate-key", help="用 PERSONAL_DATA_KEYS 的第一个密钥重新加密全部身份证明")

    def handle(self, *args, **options):
        getattr(self, "_" + options["action"].replace("-", "_"))(options)

    def _purge(self, options):
        report = retention.purge(dry_run=not options["yes"])
        for line in report.lines():
            self.stdout.write(line)
        if options["yes"]:
            self.stdout.write("已匿名化，并逐条记入事件日志。")
        else:
            self.stdout.write("以上为到期数量（试运行，未修改任何数据）。确认后加 --yes 执行。")

    def _export(self, options):
        output = Path(options["output"])
        if output.exists() and any(output.iterdir()):
            raise CommandError(f"目录 {output} 不是空的，请换一个目录。")
        data = export.write_export(options["id_number"], output)
        if not data["applications"]:
            self.stdout.write("没有找到该证件号码的申请。")
        self.stdout.write(f"已导出 {len(data['applications'])} 件申请、{len(data['mailbox_letters'])} 件来信到 {output}。")

    def _rotate_key(self, options):
        from gongkai.applications.models import Application

        changed = 0
        for application in Application.objects.exclude(proof_of_identity="").only("proof_of_identity"):
            field = application.proof_of_identity
            if field.storage.exists(field.name) and field.storage.rotate(field.name):
                changed += 1
        self.stdout.write(f"已用最新密钥重新加密 {changed} 份身份证明。")
