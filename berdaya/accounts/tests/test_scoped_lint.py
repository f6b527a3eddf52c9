"""The lint checks of style.md 3, 6 and 8, over every app (also the ones added later):

- views reach registry data only through the scoped getters: a view module may mention ``Model.objects``
  of a registry model (one with an AccessPolicy) only as the argument of ``scoped(...)`` or
  ``get_for_user(...)``;
- views never write: no ``.save(``, ``.delete(`` or ``objects.create`` (and its bulk or get-or-create
  cousins) in a view module; writes go through a service that audits them;
- only ``audit/services.py`` builds audit rows (``AuditEntry(...)`` or ``AuditEntry.objects.create``).
"""

import ast
from pathlib import Path

from django.apps import apps

from berdaya.accounts.access import is_registry_model

ROOT = Path(__file__).resolve().parents[2]
GETTERS = {"scoped", "get_for_user"}


WRITES = {"save", "delete"}
MANAGER_WRITES = {"create", "bulk_create", "get_or_create", "update_or_create"}


def view_modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("views*.py") if "tests" not in p.parts) + sorted(
        ROOT.rglob("views/*.py")
    )


def code_modules() -> list[Path]:
    """Every module of the product, without tests and migrations."""
    return sorted(p for p in ROOT.rglob("*.py") if not {"tests", "migrations"} & set(p.parts))


def writes_in(source: str) -> list[int]:
    """Line numbers of calls that write to the database: ``x.save(...)``, ``x.delete(...)``,
    ``Model.objects.create(...)`` and the other manager writes."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name, owner = node.func.attr, node.func.value
        manager = isinstance(owner, ast.Attribute) and owner.attr in {"objects", "_default_manager"}
        if name in WRITES or (name in MANAGER_WRITES and manager):
            found.append(node.lineno)
    return found


def audit_rows_built_in(source: str) -> list[int]:
    """Line numbers of ``AuditEntry(...)`` and ``AuditEntry.objects.<create>(...)``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "AuditEntry":
            found.append(node.lineno)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr in MANAGER_WRITES
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "objects"
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id == "AuditEntry"
        ):
            found.append(node.lineno)
    return found


def registry_model_names() -> set[str]:
    return {m.__name__ for m in apps.get_models() if is_registry_model(m)}


def unscoped_uses(source: str, names: set[str]) -> list[int]:
    """Line numbers where a registry model's manager is used outside scoped()/get_for_user()."""
    tree = ast.parse(source)
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in GETTERS:
            for arg in node.args[:2]:
                allowed.update(id(sub) for sub in ast.walk(arg))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in {"objects", "_default_manager", "_base_manager"}
            and isinstance(node.value, ast.Name)
            and node.value.id in names
            and id(node) not in allowed
        ):
            found.append(node.lineno)
    return found


def test_there_are_registry_models_to_protect():
    assert "Person" in registry_model_names()


def test_no_view_queries_a_registry_model_directly():
    names = registry_model_names()
    offenders = []
    for path in view_modules():
        for line in unscoped_uses(path.read_text(), names):
            offenders.append(f"{path.relative_to(ROOT.parent)}:{line}")
    assert not offenders, "Unscoped registry queries in views (use scoped()/get_for_user()): " + ", ".join(
        offenders
    )


def test_the_check_catches_an_unscoped_query():
    source = "def v(request):\n    return Person.objects.filter(name='x')\n"
    assert unscoped_uses(source, {"Person"}) == [2]


def test_the_check_allows_a_scoped_query():
    source = "def v(request):\n    return scoped(Person.objects.filter(name='x'), request.user)\n"
    assert unscoped_uses(source, {"Person"}) == []


def test_no_view_writes_to_the_database():
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        for path in view_modules()
        for line in writes_in(path.read_text())
    ]
    assert not offenders, "Writes in views (call a service that audits them): " + ", ".join(offenders)


def test_the_check_catches_each_kind_of_write():
    source = (
        "def v(request, form, obj):\n"
        "    form.save()\n"
        "    obj.delete()\n"
        "    Person.objects.create(name='x')\n"
        "    Person.objects.get_or_create(name='x')\n"
    )
    assert writes_in(source) == [2, 3, 4, 5]


def test_the_check_allows_reads_and_service_calls():
    source = (
        "def v(request):\n    services.person_register(actor=request.user, data={})\n    return x.filter()\n"
    )
    assert writes_in(source) == []


def test_only_the_audit_services_build_audit_rows():
    allowed = ROOT / "audit" / "services.py"
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        for path in code_modules()
        if path != allowed
        for line in audit_rows_built_in(path.read_text())
    ]
    assert not offenders, "Audit rows built by hand (use berdaya.audit.services): " + ", ".join(offenders)


def test_the_audit_check_catches_a_row_built_by_hand():
    source = (
        "AuditEntry.objects.create(action='x')\n"
        "rows = [AuditEntry(action='y')]\n"
        "AuditEntry.objects.filter()\n"
    )
    assert audit_rows_built_in(source) == [1, 2]
