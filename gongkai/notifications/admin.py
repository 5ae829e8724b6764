from django.contrib import admin

from gongkai.notifications.models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    """Read-only: what was sent and what still waits (with why it failed)."""

    list_display = ("created_at", "channel", "subject", "status", "attempts", "next_attempt_at", "last_error")
    list_filter = ("status", "channel")
    exclude = ("recipient", "body")  # personal data stays out of the admin lists
    readonly_fields = ("channel", "subject", "status", "attempts", "last_error", "next_attempt_at", "sent_at",
                       "message_id", "created_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
