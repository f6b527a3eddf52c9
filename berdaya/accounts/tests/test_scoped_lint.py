"""The lint check of style.md 6: views reach registry data only through the scoped getters.

A view module may mention ``Model.objects`` of a registry model (one with an AccessPolicy) only as the
argument of ``scoped(...)`` or ``get_for_user(...)``. Anything else is an unscoped query and fails here.
"""

import ast
from pathlib import Path

from django.apps import apps

from berdaya.accounts.access import is_registry_model

ROOT = Path(__file__).resolve().parents[2]
GETTERS = {"scoped", "get_for_user"}


def view_modules() -> list[Path]:
    return sorted(p for p in ROOT.rglob("views*.py") if "tests" not in p.parts) + sorted(
        ROOT.rglob("views/*.py")
    )


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
