"""The examples in the modules' docstrings are run, so they stay true."""

import doctest
import importlib
import pkgutil

import pytest

import analyzers
import indexer
import search_web

MODULES = sorted(
    info.name
    for package in (analyzers, indexer, search_web)
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} docstring example(s) of {name} fail (see the output above)"
