"""`gongkai token create USERNAME`: print a new API token for that staff user."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from gongkai.agencies.access import scope_of
from gongkai.api.models import ApiToken
from gongkai.eventlog.log import record


class Command(BaseCommand):
    help = "接口令牌：create USERNAME 为该工作人员生成新令牌（只显示一次）。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="生成新令牌")
        create.add_argument("username")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"没有名为“{options['username']}”的有效用户。")
        if not scope_of(user).is_staff_member:
            raise CommandError(f"“{user.username}”不是任何机关的工作人员，不能生成接口令牌。")
        with transaction.atomic():
            token, secret = ApiToken.issue(user)
            record(token, "api_token_created", actor="命令行", data={"user": user.username, "hint": token.hint})
        self.stdout.write(secret)
