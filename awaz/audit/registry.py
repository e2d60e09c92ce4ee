"""Which functions of Awaz change state: the ones that open a transaction.

The audit test (awaz/audit/tests/test_every_state_change_is_audited.py) walks this list: each
must leave an audit entry, or say in that test why it does not (a signer's own act, content with
its own history, bookkeeping). A new service is found here without anyone registering it.
"""

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from types import ModuleType
from typing import Any

import awaz

SKIPPED_PARTS = frozenset({"tests", "migrations", "management", "scripts", "demo"})


def _modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(awaz.__path__, prefix="awaz."):
        if SKIPPED_PARTS & set(info.name.split(".")[1:]):
            continue
        found.append(importlib.import_module(info.name))
    return found


def _opens_a_transaction(function: Callable[..., Any]) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return "transaction.atomic" in source


def state_changing_functions() -> dict[str, Callable[..., Any]]:
    """Every public module-level function of awaz that opens a transaction, by dotted name."""
    found: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            if _opens_a_transaction(function):
                found[f"{module.__name__}.{name}"] = function
    return found
