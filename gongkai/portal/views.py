from django.shortcuts import render

from gongkai.agencies.models import Agency
from gongkai.publishing.models import CatalogueNode


def home(request):
    agencies = Agency.objects.filter(kind__in=["government", "department", "township", "subdistrict"])
    nodes = CatalogueNode.objects.filter(parent=None, agency=None)
    return render(request, "portal/home.html", {"agencies": agencies, "nodes": nodes})


def search(request):
    return render(request, "portal/search.html", {"q": request.GET.get("q", "")})
