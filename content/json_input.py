"""Parse JSON from people and files: only what JSON allows, and never nested past a sane depth."""

import json
from typing import Any

# The files this app reads (concepts, answers to score) are at most five levels deep.
MAX_DEPTH = 32
NESTED_TOO_DEEP = f"nested deeper than {MAX_DEPTH} levels"
CONSTANT_REFUSED = "{name} is not a number JSON allows"
NUMBER_TOO_LONG = "found a number of thousands of digits"


def _refuse_constant(name: str) -> None:
    raise ValueError(CONSTANT_REFUSED.format(name=name))


def _depth_check(value: Any) -> None:
    """Walk without recursion, so the check itself cannot run out of stack."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = (
            item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        )
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > MAX_DEPTH:
                    raise ValueError(NESTED_TOO_DEEP)
                stack.append((child, depth + 1))


def json_parse(text: str) -> Any:
    """json.loads, refusing NaN and Infinity and deep nesting with a ValueError, never a crash.

    Python's parser recurses once per level, so a line of 200,000 '[' raised RecursionError, which
    no caller expected; a value just under that limit would crash whoever walked it next.
    """
    try:
        value = json.loads(text, parse_constant=_refuse_constant)
    except RecursionError:
        raise ValueError(NESTED_TOO_DEEP) from None
    except ValueError as error:
        # Python refuses to read an integer past 4,300 digits, with a message about its settings.
        if "integer string conversion" in str(error):
            raise ValueError(NUMBER_TOO_LONG) from None
        raise
    _depth_check(value)
    return value
