from django.apps import AppConfig


class EventlogConfig(AppConfig):
    name = "gongkai.eventlog"
    verbose_name = "事件记录"
