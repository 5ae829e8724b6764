from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "gongkai.monitoring"
    verbose_name = "运行监控"
