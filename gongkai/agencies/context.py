from gongkai.agencies.access import scope_of
from gongkai.agencies.models import Agency


def staff_context(request):
    """Lets templates show staff navigation only to staff."""
    user = getattr(request, "user", None)
    return {"staff_scope": scope_of(user) if user is not None else None}


def site_context(request):
    """The site's owner, for the header, the title and the footer: the top of the agency
    tree (the county government), never the host name."""
    return {"site_agency": Agency.objects.filter(parent=None).order_by("pk").only("name", "office_name").first()}
