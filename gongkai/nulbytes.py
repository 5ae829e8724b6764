"""A NUL character in a query string is refused with a Chinese 400 before any view runs.

PostgreSQL cannot hold NUL in text, so `?q=%00` reaching a filter raised an error
and a 500 (the 县长信箱 list, the service guide's `q` and `event`, the portal's item
list `node`, the staff item list's `q` and `agency`). Django's form fields already
refuse NUL in what is posted (ProhibitNullCharactersValidator); this does the same for
the query string of every page, present and future, in one place.
"""

from django.http import HttpResponseBadRequest, JsonResponse

MESSAGE = "请求中含有无效字符（NUL），请检查输入的内容。"


def has_nul(query) -> bool:
    return any("\x00" in key or any("\x00" in value for value in query.getlist(key)) for key in query)


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request.GET):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": MESSAGE}, status=400, json_dumps_params={"ensure_ascii": False})
            return HttpResponseBadRequest(MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
