from django.apps import AppConfig


class AnnualreportsConfig(AppConfig):
    name = "gongkai.annualreports"
    verbose_name = "年度报告"
