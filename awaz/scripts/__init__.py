"""Uyghur script conversion between Arabic (``ug``), Latin (``ug-latn``) and Cyrillic
(``ug-cyrl``) script. Pure Python, no Django.

    >>> convert("ئۇيغۇر تىلى", source="ug", target="ug-latn")
    'Uyghur tili'
"""

from awaz.scripts.api import convert
from awaz.scripts.errors import (
    SCRIPTS,
    ConversionError,
    CyrillicHamza,
    CyrillicSpelling,
    UnknownScriptError,
)

__all__ = [
    "SCRIPTS",
    "ConversionError",
    "CyrillicHamza",
    "CyrillicSpelling",
    "UnknownScriptError",
    "convert",
]
