"""The layering of the packages holds (docs/architecture.md): the import-linter contracts in
pyproject.toml are kept, they would fail on a forbidden import, and no module imports inside a
function to dodge a cycle (only AppConfig.ready does, where Django requires it)."""

import ast
from pathlib import Path

import grimp
import pytest
from importlinter.api import read_configuration
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.layers import LayersContract

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_TYPES = {"layers": LayersContract, "acyclic_siblings": AcyclicSiblingsContract}


@pytest.fixture(scope="module")
def configuration():
    return read_configuration(str(ROOT / "pyproject.toml"))


@pytest.fixture(scope="module")
def packages(configuration):
    return configuration["session_options"]["root_packages"]


def _graph(packages):
    return grimp.build_graph(*packages, cache_dir=None)


def _check(configuration, graph):
    """Contract name -> kept, for every contract in pyproject.toml."""
    results = {}
    for options in configuration["contracts_options"]:
        options = dict(options)
        name, kind = options.pop("name"), options.pop("type")
        options.pop("id", None)
        contract = CONTRACT_TYPES[kind](
            name=name, session_options=configuration["session_options"], contract_options=options
        )
        results[name] = contract.check(graph, verbose=False).kept
    return results


def test_every_contract_is_kept(configuration, packages):
    results = _check(configuration, _graph(packages))
    assert len(results) >= 2
    assert all(results.values()), results


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("regions.access", "workflows.enrolment.models"),  # the ground floor reads a flow
        ("learning.models", "workflows.reporting.models"),  # learning reads a flow's records
        ("cms.models", "workflows.sharing.models"),  # the public site reads a flow
        ("workflows.core.registry", "workflows.enrolment.flows"),  # the core knows a flow
        ("workflows.sharing.services", "workflows.reporting.notifications"),  # one flow uses another
        ("learning.selectors", "cms.selectors"),  # learning sits below cms
        ("regions.services", "regions.views"),  # a cycle inside a package (views import services)
    ],
)
def test_a_forbidden_import_breaks_a_contract(configuration, packages, importer, imported):
    graph = _graph(packages)
    graph.add_import(importer=importer, imported=imported, line_number=1, line_contents=f"import {imported}")
    assert not all(_check(configuration, graph).values())


def _function_level_imports():
    for package in ("config", "workflows", "cms", "learning", "regions"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                allowed = path.name == "apps.py" and node.name == "ready"
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom) and not allowed:
                        yield f"{path.relative_to(ROOT)}:{inner.lineno} in {node.name}()"


def test_no_import_inside_a_function_except_app_ready():
    assert list(_function_level_imports()) == []
