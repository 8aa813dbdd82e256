"""The public names of arxivmeta, each with the module it lives in: the one table.

``__init__.py`` reads this file to load each name on first use (lazy_loader), and type
checkers read it as the package's interface.
"""

from .authors import (
    AuthorList as AuthorList,
    author_from_parts as author_from_parts,
    explain_authors as explain_authors,
    parse_author_list as parse_author_list,
    parse_author_name as parse_author_name,
    parse_authors as parse_authors,
)
from .batch import (
    Rejected as Rejected,
    clean_records as clean_records,
)
from .categories import (
    category_for_name as category_for_name,
    category_name as category_name,
)
from .config import CleanConfig as CleanConfig
from .errors import (
    ArxivMetaError as ArxivMetaError,
    ConfigError as ConfigError,
    InvalidArxivId as InvalidArxivId,
    InvalidDOI as InvalidDOI,
    InvalidIdentifier as InvalidIdentifier,
    InvalidRecord as InvalidRecord,
)
from .explain import Step as Step
from .export import (
    papers_to_bibtex as papers_to_bibtex,
    papers_to_csl_json as papers_to_csl_json,
    to_bibtex as to_bibtex,
    to_csl_json as to_csl_json,
)
from .identifiers import (
    is_valid_arxiv_id as is_valid_arxiv_id,
    is_valid_doi as is_valid_doi,
    parse_arxiv_id as parse_arxiv_id,
    parse_doi as parse_doi,
    parse_identifier as parse_identifier,
)
from .models import (
    DOI as DOI,
    ArxivId as ArxivId,
    Author as Author,
    Paper as Paper,
)
from .records import (
    clean_and_explain as clean_and_explain,
    clean_record as clean_record,
    detect_format as detect_format,
)
from .text import (
    clean_text as clean_text,
    clean_text_and_explain as clean_text_and_explain,
    to_plain_text as to_plain_text,
)
from .wraps import (
    WrapConfig as WrapConfig,
    explain_line_wraps as explain_line_wraps,
    repair_line_wraps as repair_line_wraps,
)

__version__: str
