"""`gongkai token create USERNAME [--days N]`, `token list [USERNAME]`, `token revoke ID`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.agencies.access import scope_of
from gongkai.api.actions import do_create_api_token, do_revoke_api_token
from gongkai.api.models import DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, ApiToken

ACTOR = "命令行"


class Command(BaseCommand):
    help = "接口令牌：create 生成（只显示一次），list 列出，revoke 停用。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="为工作人员生成新令牌，令牌只显示这一次")
        create.add_argument("username")
        create.add_argument("--days", type=int, default=DEFAULT_TOKEN_DAYS,
                            help=f"有效天数（默认 {DEFAULT_TOKEN_DAYS}，最多 {MAX_TOKEN_DAYS}）")
        listing = sub.add_parser("list", help="列出令牌（不显示令牌本身）")
        listing.add_argument("username", nargs="?")
        revoke = sub.add_parser("revoke", help="停用一个令牌")
        revoke.add_argument("id", type=int)

    def handle(self, *args, **options):
        getattr(self, f"_{options['action']}")(options)

    def _create(self, options):
        days = options["days"]
        if not 1 <= days <= MAX_TOKEN_DAYS:
            raise CommandError(f"有效天数须在 1 到 {MAX_TOKEN_DAYS} 之间，收到 {days}。")
        user = _staff_user(options["username"])
        token, secret = do_create_api_token(user, days=days, acting_user=ACTOR)
        # The secret alone on standard output, so a script can capture it.
        self.stdout.write(secret)
        self.stderr.write(f"令牌 {token.pk}（{token.hint}…）有效至 {_local(token.expires_at)}。")

    def _list(self, options):
        tokens = ApiToken.objects.select_related("user").order_by("pk")
        if options["username"]:
            tokens = tokens.filter(user=_any_user(options["username"]))
        self.stdout.write("编号\t用户\t前缀\t创建\t到期\t最近使用\t状态")
        for t in tokens:
            self.stdout.write("\t".join([
                str(t.pk), t.user.username, f"{t.hint}…", _local(t.created_at), _local(t.expires_at),
                _local(t.last_used_at) if t.last_used_at else "从未", t.status,
            ]))

    def _revoke(self, options):
        token = ApiToken.objects.select_related("user").filter(pk=options["id"]).first()
        if token is None:
            raise CommandError(f"没有编号为 {options['id']} 的令牌（用 gongkai token list 查看）。")
        if token.revoked_at is not None:
            raise CommandError(f"令牌 {token.pk} 已于 {_local(token.revoked_at)} 停用。")
        do_revoke_api_token(token, acting_user=ACTOR)
        self.stdout.write(f"令牌 {token.pk}（{token.user.username}，{token.hint}…）已停用。")


def _any_user(username):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"没有名为“{username}”的用户。")
    return user


def _staff_user(username):
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"没有名为“{username}”的有效用户。")
    if not scope_of(user).is_staff_member:
        raise CommandError(f"“{user.username}”不是任何机关的工作人员，不能生成接口令牌。")
    return user


def _local(moment) -> str:
    # Every date a person sees is the Asia/Shanghai date.
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
