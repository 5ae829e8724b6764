"""办事指南: public search by agency, life event and words; the office's spreadsheet import."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from gongkai.agencies.access import require_office_admin
from gongkai.agencies.models import Agency
from gongkai.services.actions import do_import_guides
from gongkai.services.importing import COLUMNS, REQUIRED, check_guides
from gongkai.services.models import LifeEvent, ServiceImport, ServiceItem
from gongkai.supervision.access import supervised_agencies
from gongkai.supervision.forms import UploadForm
from gongkai.supervision.tables import TableError, read_table

PAGE_SIZE = 30


@require_GET
def guide_list(request):
    items = ServiceItem.objects.select_related("agency")
    agency = Agency.objects.filter(code=request.GET.get("agency", "")).first() if request.GET.get("agency") else None
    event = LifeEvent.objects.filter(code=request.GET.get("event", "")).first() if request.GET.get("event") else None
    q = request.GET.get("q", "").strip()
    if agency:
        items = items.filter(agency=agency)
    if event:
        items = items.filter(life_events=event)
    if q:
        items = items.filter(Q(name__icontains=q) | Q(conditions__icontains=q) | Q(materials__icontains=q) | Q(code=q))
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "services/list.html", {
        "page": page,
        "agency": agency,
        "event": event,
        "q": q,
        "events": LifeEvent.objects.all(),
        "agencies": Agency.objects.filter(service_items__isnull=False).distinct().order_by("path"),
        "filters": query.urlencode(),
    })


@require_GET
def guide_detail(request, pk):
    item = get_object_or_404(ServiceItem.objects.select_related("agency").prefetch_related("life_events"), pk=pk)
    return render(request, "services/detail.html", {"item": item})


def _agency_spellings(agencies) -> dict[str, int]:
    spellings = {}
    for agency in agencies:
        for spelling in (agency.code, agency.short_name, agency.name):
            if spelling:
                spellings[spelling] = agency.pk
    return spellings


@require_office_admin
def guide_import(request):
    """Import the 办事一本通 spreadsheet; any bad row and nothing is saved."""
    form = UploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = check_guides(
                read_table(upload.read(), upload.name),
                _agency_spellings(supervised_agencies(request.user)),
                dict(LifeEvent.objects.values_list("name", "pk")),
            )
            errors = checked.errors
        except TableError as exc:
            errors = [str(exc)]
        if not errors:
            run = do_import_guides(checked.records, upload.name, acting_user=request.user)
            messages.success(request, f"已导入：新增 {run.created} 项，更新 {run.updated} 项。")
            return redirect("services:import")
    return render(request, "services/import.html", {
        "form": form,
        "errors": errors,
        "columns": COLUMNS,
        "required": REQUIRED,
        "count": ServiceItem.objects.count(),
        "runs": ServiceImport.objects.all()[:5],
    })
