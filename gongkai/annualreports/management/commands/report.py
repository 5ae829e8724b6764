"""`gongkai report build` added to the checker's `gongkai report parse|check`.

The annual reports may depend on the checker, not the reverse, so the command that
also builds lives here; this app comes before reportcheck in INSTALLED_APPS, so this
`report` is the one Django runs.
"""

from gongkai.annualreports import cli
from gongkai.reportcheck.management.commands import report


class Command(report.Command):
    help = "读取、核查政府信息公开工作年度报告（parse / check），或由平台数据生成年报（build）"

    def add_arguments(self, parser):
        actions = super().add_arguments(parser)
        build = actions.add_parser("build", help="由平台记录生成年报")
        build.add_argument("--agency", required=True)
        build.add_argument("--year", type=int, required=True)
        build.add_argument("--format", default="json", choices=cli.FORMATS)
        build.add_argument("-o", "--output")
        return actions

    def handle_build(self, options) -> int:
        return cli.build(options, self.stdout) or report.EXIT_OK
