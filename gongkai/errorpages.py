"""The platform's error pages (400, 403, 404, 500, CSRF failure): Chinese, inside the site's
frame, with the reason when the code gave one in Chinese (a PermissionDenied("只有…") or
Http404("没有找到…") message) — never Django's English internals."""

import re

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string

_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def reason_of(exception) -> str:
    """The message a view raised, when it is one written for people (Chinese); else ''."""
    args = getattr(exception, "args", ())
    message = args[0] if args and isinstance(args[0], str) else ""
    return message if _CHINESE.search(message) else ""


def _page(request, status: int, title: str, explanation: str, reason: str = ""):
    context = {"status": status, "title": title, "explanation": explanation, "reason": reason}
    return render(request, "error.html", context, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, "请求有误", "提交的内容无法处理，请返回上一页检查后重试。", reason_of(exception))


def permission_denied(request, exception=None):
    return _page(request, 403, "没有权限", "您的账号不能打开此页面。如需办理，请联系本机关的政务公开工作人员。",
                 reason_of(exception))


def page_not_found(request, exception=None):
    return _page(request, 404, "页面不存在", "您要找的页面不存在或已删除。请检查网址，或从首页、检索重新查找。",
                 reason_of(exception))


def server_error(request):
    # Rendered without the request: no context processor runs a query, for the error may
    # be the database itself.
    return HttpResponseServerError(render_to_string("error.html", {
        "status": 500, "title": "系统出错", "bare": True,
        "explanation": "系统暂时出错，我们已记录此问题。请稍后再试；如急需办理，请致电政府信息公开工作机构。",
    }))


def csrf_failure(request, reason=""):
    # Django's reasons are English developer notes: the person gets what to do instead.
    return _page(request, 403, "页面已过期", "为保护您提交的信息，页面在打开太久或在其他窗口退出登录后会失效。"
                 "请返回上一页，刷新后重新提交。")
