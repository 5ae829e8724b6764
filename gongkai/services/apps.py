from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "gongkai.services"
    verbose_name = "办事指南"
