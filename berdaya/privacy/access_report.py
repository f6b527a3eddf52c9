"""The answer to an access request (R47): a PDF of everything held on the person (their record and every
record anywhere that refers to them, found through the model relations, so a new registry is included
without changes here) and every logged processing of their data (the audit trail, R46)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import models
from django.utils import timezone

from berdaya.lib.documents import docx_to_pdf, long_date

from .selectors import processing_log

HIDDEN = {"id", "search_text", "search_vector", "created_by", "updated_by"}


def _value(obj, field) -> str:
    value = getattr(obj, field.name, None)
    if value is None or value == "":
        return "—"
    if getattr(field, "choices", None):
        return str(getattr(obj, f"get_{field.name}_display")())
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if hasattr(value, "strftime"):
        local = timezone.localtime(value) if getattr(value, "tzinfo", None) else value
        return local.strftime("%d-%m-%Y %H:%M") if hasattr(local, "hour") else local.strftime("%d-%m-%Y")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name.rsplit("/", 1)[-1]
    return str(value)


def _rows(obj) -> list[tuple[str, str]]:
    return [
        (str(field.verbose_name).capitalize(), _value(obj, field))
        for field in obj._meta.concrete_fields
        if field.name not in HIDDEN and not field.name.endswith("_ptr")
    ]


def held_records(person) -> list[tuple[str, list]]:
    """(kind of record, [records]) for every reverse relation to the person that has rows."""
    groups = []
    for relation in type(person)._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            manager = relation.related_model._base_manager
            items = list(manager.filter(**{relation.field.name: person})[:500])
            if items:
                groups.append((str(relation.related_model._meta.verbose_name_plural).capitalize(), items))
    return groups


def build_docx(person, *, path: Path, ticket=None) -> Path:
    from docx import Document

    document = Document()
    document.add_heading("Salinan data pribadi dan catatan pemrosesannya", level=1)
    today = long_date(timezone.localdate())
    intro = f"Disusun {today} atas permintaan akses"
    if ticket is not None:
        intro += f" nomor {ticket.pk} (diterima {timezone.localtime(ticket.received_at):%d-%m-%Y %H:%M})"
    document.add_paragraph(intro + " (UU 27/2022 Pasal 7; R47).")
    document.add_heading("Data orang", level=2)
    table = document.add_table(rows=0, cols=2)
    for label, value in _rows(person):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for title, items in held_records(person):
        document.add_heading(title, level=2)
        for item in items:
            document.add_paragraph(str(item), style="List Bullet")
            table = document.add_table(rows=0, cols=2)
            for label, value in _rows(item):
                if value != "—":
                    cells = table.add_row().cells
                    cells[0].text, cells[1].text = label, value
    document.add_heading("Catatan pemrosesan (jejak audit)", level=2)
    entries = processing_log(person.pk)
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Waktu", "Oleh", "Tindakan", "Data"), strict=True):
        cell.text = text
    count = 0
    for entry in entries.iterator():
        count += 1
        cells = table.add_row().cells
        cells[0].text = timezone.localtime(entry.at).strftime("%d-%m-%Y %H:%M")
        cells[1].text = entry.actor_name
        cells[2].text = str(entry.get_action_display()) + (f" ({entry.note})" if entry.note else "")
        cells[3].text = entry.object_repr
    document.add_paragraph(f"{count} catatan pemrosesan.")
    document.save(path)
    return path


def access_pdf(person, *, ticket=None) -> bytes:
    with tempfile.TemporaryDirectory(prefix="berdaya-akses-") as work:
        docx = build_docx(person, path=Path(work) / f"data-{person.pk}.docx", ticket=ticket)
        return docx_to_pdf(docx, Path(work)).read_bytes()
