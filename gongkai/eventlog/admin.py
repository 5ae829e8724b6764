from django.contrib import admin

from gongkai.eventlog.models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_name", "subject_type", "subject_id", "verb", "from_state", "to_state"]
    list_filter = ["verb", "subject_type"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
