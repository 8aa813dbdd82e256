"""arxivmeta: turn messy scholarly metadata into clean, typed records.

>>> import arxivmeta
>>> arxivmeta.parse_identifier("https://doi.org/arxiv-2408.16978")
ArxivId('2408.16978')

Names load lazily on first use, so ``import arxivmeta`` stays fast and each cleaner pulls
in only the data it needs. The table of public names is ``__init__.pyi``, beside this file.
"""

from importlib.metadata import version as _version

import lazy_loader as _lazy

__getattr__, __dir__, __all__ = _lazy.attach_stub(__name__, __file__)
__version__ = _version("arxivmeta")
__all__.append("__version__")
