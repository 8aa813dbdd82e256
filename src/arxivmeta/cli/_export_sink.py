"""The output of ``arxivmeta clean --to bibtex|csl-json``: cleaned records, exported.

Records reach the writer as the compact JSON the cleaning workers send back; each is read
back into a :class:`~arxivmeta.Paper` and written at once, so an export streams as our
JSON does, and an interrupted CSL-JSON array is still closed.
"""

from __future__ import annotations

from arxivmeta.cli._io import Output, Shape, Sink
from arxivmeta.export.writers import ExportWriter, writer_for
from arxivmeta.models import Paper


class ExportSink(Sink):
    """A :class:`~arxivmeta.cli._io.Sink` that writes BibTeX or CSL-JSON instead of records."""

    def __init__(self, output: Output, writer: ExportWriter) -> None:
        super().__init__(output, "jsonl")
        self._writer = writer

    def start(self) -> None:
        """Write what comes before the first entry."""
        self._output.write(self._writer.start().encode("utf-8"))

    def write(self, texts: list[str]) -> None:
        """Export records given as our compact JSON text."""
        if not texts:
            return
        entries = [self._writer.entry(Paper.model_validate_json(text)) for text in texts]
        self._output.write("".join(entries).encode("utf-8"))
        self.count += len(texts)

    def finish(self) -> None:
        """Write what ends the file, once, even after an interruption."""
        if self.closed:
            return
        self.closed = True
        self._output.write(self._writer.finish().encode("utf-8"))
        self._output.flush()


def export_sink(output: Output, shape: Shape, to: str) -> Sink:
    """Our JSON in ``shape`` for ``to == "json"``, else the export writer for ``to``."""
    if to == "json":
        return Sink(output, shape)
    return ExportSink(output, writer_for(to))
