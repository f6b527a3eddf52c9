"""The audit trail (style.md 8, domain.md R46): append-only, written by services, never by signals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("dibuat")
    UPDATE = "update", _("diubah")
    DELETE = "delete", _("dihapus")
    VIEW = "view", _("dilihat lengkap")
    EXPORT = "export", _("diekspor")
    MERGE = "merge", _("digabung")
    LOGIN = "login", _("masuk")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("Jejak audit tidak dapat diubah.")

    def delete(self):
        raise PermissionError("Jejak audit tidak dapat dihapus.")

    def for_object(self, obj):
        return self.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))


class AuditEntry(models.Model):
    """Who did what to which record, when, and each field's old -> new value.

    Append-only: the model refuses updates and deletes, and database triggers (migration 0002) refuse
    them too, so not even a shell session can rewrite history.
    """

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(_("pelaku"), max_length=150)
    action = models.CharField(_("aksi"), max_length=16, choices=Action.choices)
    object_type = models.CharField(_("jenis data"), max_length=100)  # app_label.model
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("data"), max_length=200)
    # {"field": [old, new]} with display values; personal fields (NIK, phone, address, birth date) stored
    # masked with a keyed fingerprint by services.protect_changes (R45), never in the clear.
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    # The person whose data this touches (R46: "retrievable per person").
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]
        verbose_name = _("jejak audit")
        verbose_name_plural = _("jejak audit")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Jejak audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Jejak audit tidak dapat dihapus.")
