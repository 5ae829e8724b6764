"""A run of a background job that people follow: its progress and what failed in it."""

from django.conf import settings
from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "进行中"
    DONE = "done", "已完成"
    FAILED = "failed", "出错中止"


class JobRun(models.Model):
    kind = models.CharField("任务类别", max_length=60, db_index=True)
    title = models.CharField("任务", max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="发起人",
    )
    status = models.CharField("状态", max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    total = models.PositiveIntegerField("总数", default=0)
    done = models.PositiveIntegerField("已完成", default=0)
    failed = models.PositiveIntegerField("失败", default=0)
    error = models.TextField("中止原因", blank=True)
    created_at = models.DateTimeField("发起时间", auto_now_add=True)
    updated_at = models.DateTimeField("最近进展", auto_now=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = "后台任务"

    def __str__(self) -> str:
        return f"{self.title}（{self.get_status_display()}）"

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.finished else 0
        return min(100, (self.done + self.failed) * 100 // self.total)


class JobFailure(models.Model):
    """One item a run could not handle (the rest went on); listed for the office."""

    run = models.ForeignKey(JobRun, on_delete=models.CASCADE, related_name="failures")
    subject = models.CharField("对象", max_length=200)
    link = models.CharField("链接", max_length=300, blank=True)
    error = models.TextField("原因")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.subject}：{self.error}"
