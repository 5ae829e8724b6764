"""The append-only event log: one row per state change of any record.

Rows are never updated or deleted. The model refuses it, and a database trigger
(migration 0002) refuses it too, so neither a bug nor a raw SQL session can rewrite
history. Each row also carries the hash of the previous one (gongkai/eventlog/chain.py),
so what the database role could still do out of band shows in `gongkai eventlog verify`.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from gongkai.eventlog.chain import GENESIS, ChainedRow, row_hash

# pg_advisory_xact_lock key of the chain: one appender at a time, until its commit.
CHAIN_LOCK_KEY = 0x676B6576  # "gkev"


class AppendOnlyError(Exception):
    pass


def _lock_chain_and_get_last():
    """Serialises appenders and returns the last row's hash.

    PostgreSQL: a transaction-scoped advisory lock, so the next appender reads this
    row only after it is committed. SQLite: writers are serialised by the database
    itself (transactions begin IMMEDIATE, see settings), so no lock is needed.
    """
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
    return Event.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS


class EventQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        with transaction.atomic():
            prev_hash = _lock_chain_and_get_last()
            for event in objs:
                prev_hash = event._link(prev_hash)
            return super().bulk_create(objs, *args, **kwargs)


class Event(models.Model):
    # The moment the row was appended, set under the chain's lock (never by the caller),
    # so that times never go backwards along the chain.
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Kept as text so the record still reads right if the account is later renamed.
    actor_name = models.CharField("操作人姓名", max_length=150, blank=True)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.CharField(max_length=64)
    verb = models.CharField("动作", max_length=64)
    from_state = models.CharField("原状态", max_length=32, blank=True)
    to_state = models.CharField("新状态", max_length=32, blank=True)
    data = models.JSONField("详情", default=dict, blank=True)
    prev_hash = models.CharField("前一条的哈希", max_length=64, blank=True, editable=False)
    hash = models.CharField("哈希", max_length=64, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "事件"
        verbose_name_plural = "事件记录"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "at"])]
        constraints = [
            # One successor per row: two appenders can never fork the chain.
            models.UniqueConstraint(fields=["prev_hash"], name="eventlog_event_one_successor"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.verb}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("事件记录只能追加，不能修改。")
        with transaction.atomic():
            self._link(_lock_chain_and_get_last())
            super().save(*args, **kwargs)

    def _link(self, prev_hash: str) -> str:
        self.at = timezone.now()
        self.prev_hash = prev_hash
        self.hash = row_hash(prev_hash, **self.chained_content())
        return self.hash

    def chained_content(self) -> dict:
        subject_type = ContentType.objects.get_for_id(self.subject_type_id)
        return {
            "at": self.at,
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "subject_type": f"{subject_type.app_label}.{subject_type.model}",
            "subject_id": self.subject_id,
            "verb": self.verb,
            "from_state": self.from_state,
            "to_state": self.to_state,
            "data": self.data,
        }

    def as_chained_row(self) -> ChainedRow:
        return ChainedRow(id=self.pk, prev_hash=self.prev_hash, hash=self.hash, **self.chained_content())

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("事件记录只能追加，不能删除。")
