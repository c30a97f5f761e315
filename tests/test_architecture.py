"""Layering rules from STYLE.md, checked by parsing imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "tocsin"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_architecture_model_and_taxonomy_import_only_stdlib_and_errors() -> None:
    for name in ("model.py", "taxonomy.py", "errors.py"):
        for module in _imports(SRC / name):
            assert module.split(".")[0] in sys.stdlib_module_names or module in {"__future__", "tocsin.errors"}, (
                name, module)


def test_architecture_extract_never_imports_edges() -> None:
    for path in (SRC / "extract").rglob("*.py"):
        for module in _imports(path):
            assert not module.startswith(("tocsin.store", "tocsin.alert", "tocsin.web", "tocsin.cli")), (path, module)


def test_architecture_only_nlp_loads_spacy_models() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "nlp.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "spacy.load(" not in text and "en_core_web" not in text, path


def test_architecture_no_global_statements() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not any(isinstance(node, ast.Global) for node in ast.walk(tree)), path


def test_architecture_every_module_has_a_docstring() -> None:
    for path in SRC.rglob("*.py"):
        assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path


def test_architecture_import_tocsin_leaves_extras_unloaded() -> None:
    code = ("import sys, tocsin, tocsin.pipeline; "
            "print(','.join(m for m in ('dask', 'fastapi', 'uvicorn', 'weasyprint', 'torch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
