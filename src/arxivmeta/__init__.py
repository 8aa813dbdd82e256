"""arxivmeta: turn messy scholarly metadata into clean, typed records.

>>> import arxivmeta
>>> arxivmeta.parse_identifier("https://doi.org/arxiv-2408.16978")
ArxivId('2408.16978')

Names load lazily on first use, so ``import arxivmeta`` stays fast and each cleaner pulls
in only the data it needs. The table of public names is ``__init__.pyi``, beside this file.
"""

from typing import Any

import lazy_loader as _lazy

_load, __dir__, __all__ = _lazy.attach_stub(__name__, __file__)
__all__.append("__version__")


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # Read from the installed package's metadata on first use: importlib.metadata
        # alone would triple the time of `import arxivmeta`.
        from importlib.metadata import version  # noqa: PLC0415

        return version("arxivmeta")
    return _load(name)
