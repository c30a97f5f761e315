"""Every docstring example in the package runs: an example that no longer holds is a failing test."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import tocsin

MODULES = sorted(info.name for info in pkgutil.walk_packages(tocsin.__path__, "tocsin."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} failed (run pytest --doctest-modules)"
