from gongkai.agencies.access import scope_of


def staff_context(request):
    """Lets templates show staff navigation only to staff."""
    user = getattr(request, "user", None)
    return {"staff_scope": scope_of(user) if user is not None else None}
