"""The working-day calendar as data (rules.md §1).

One `CalendarDay` row per date that differs from the Mon–Fri rule: holidays on working
days, make-up working days (调休) on weekends, and holidays on weekends kept for their
names. One `CalendarYear` row per year whose official notice is loaded completely;
deadlines that reach into any other year are provisional.
"""

from django.conf import settings
from django.db import models


class CalendarDay(models.Model):
    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否上班", help_text="调休上班选“是”，放假选“否”。")
    name = models.CharField("名称", max_length=40, blank=True, help_text="如：春节、国庆节")
    source = models.CharField(
        "依据", max_length=200, blank=True, help_text="如：国办发明电〔2025〕7号"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "特殊日期"
        verbose_name_plural = "特殊日期"

    def __str__(self):
        kind = "上班" if self.is_workday else "放假"
        return f"{self.date} {self.name}{kind}"


class CalendarYear(models.Model):
    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("依据的通知", max_length=200)
    loaded_at = models.DateTimeField("载入时间", auto_now=True)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="载入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = "已载入年份"
        verbose_name_plural = "已载入年份"

    def __str__(self):
        return f"{self.year}年"
