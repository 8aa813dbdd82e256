"""Text hygiene for titles and abstracts: Unicode repair, wraps, control characters, LaTeX.

:func:`clean_text` runs the named fixers of :mod:`arxivmeta.fixes` in the order of
:data:`~arxivmeta.fixes.TEXT_PLAN`; :func:`clean_text_and_explain` also returns one
:class:`~arxivmeta.explain.Step` per fixer that changed something, so
``apply_plan(text, [s.fixer for s in steps]) == clean_text(text)``.
:func:`to_plain_text` renders the LaTeX that clean text keeps (``$3.37\\times$``) as
Unicode (``3.37×``).

>>> clean_text("Byzantine fault\\x00tolerance  being an active topic, a $3.37times$ speedup")
'Byzantine fault tolerance being an active topic, a $3.37\\\\times$ speedup'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from arxivmeta.config import CleanConfig
from arxivmeta.explain import Step, record_step
from arxivmeta.fixes import FIXERS, TEXT_PLAN, Fixer, collapse_whitespace, fixers_for
from arxivmeta.latex import latex_to_unicode

__all__ = ["clean_text", "clean_text_and_explain", "run_plan", "to_plain_text"]


def clean_text(text: str, *, config: CleanConfig | None = None) -> str:
    """Clean one text field: mojibake, NFC, line wraps, control characters, spaces, LaTeX.

    >>> clean_text("FranÃ§ois  TaÃ¯ani\\n")
    'François Taïani'
    """
    return run_plan(text, TEXT_PLAN, None, fixers=fixers_for(config))


def clean_text_and_explain(
    text: str, *, config: CleanConfig | None = None
) -> tuple[str, list[Step]]:
    """Clean ``text`` and list the fixers that changed it, with the value before and after.

    >>> [(s.fixer, s.after) for s in clean_text_and_explain("Cloud-native  is")[1]]
    [('collapse_whitespace', 'Cloud-native is')]
    """
    steps: list[Step] = []
    return run_plan(text, TEXT_PLAN, steps, "text", fixers=fixers_for(config)), steps


#: A plan runs again while its last pass changed the text, at most this many passes in all.
#: One fixer can hand the next something an earlier one now sees ("Ã\x07©": the control
#: character hid the mojibake); real text settles in two passes.
MAX_PASSES = 4


def run_plan(
    text: str,
    plan: Iterable[str],
    steps: list[Step] | None,
    field: str = "text",
    *,
    fixers: Mapping[str, Fixer] = FIXERS,
) -> str:
    """Run the fixers named in ``plan`` until a pass changes nothing (a fixed point, as ftfy
    does, at most :data:`MAX_PASSES` passes); when ``steps`` is a list, append a step per
    change, so the steps replay in order to the result.

    A fixer whose input is its own last output is skipped: every fixer is idempotent, so
    it would find nothing to do, and the costly wrap repair runs again only when a later
    fixer changed its output.

    >>> run_plan("Ã\x07©", ["fix_mojibake", "strip_control_characters"], None)
    'é'
    """
    names = tuple(plan)
    last_output: dict[str, str] = {}
    for _ in range(MAX_PASSES):
        changed = False
        for name in names:
            if last_output.get(name) == text:
                continue
            fixed = fixers[name](text)
            last_output[name] = fixed
            if fixed != text:
                text = record_step(steps, name, field, text, fixed)
                changed = True
        if not changed:
            break
    return text


def to_plain_text(latex: str) -> str:
    """Render LaTeX as plain Unicode text: math, accents, style commands.

    The rendering is repeated until it changes nothing (at most :data:`MAX_PASSES` more
    times), so the result renders as itself: an escaped sign that a second rendering would
    read as LaTeX gets that reading (``\\{x`` → ``{x`` → ``x``).

    >>> to_plain_text(r"a $3.37\\times$ speedup in the \\textsf{Congested Clique} of G{\\"o}del")
    'a 3.37× speedup in the Congested Clique of Gödel'
    """
    text = collapse_whitespace(latex_to_unicode(latex))
    for _ in range(MAX_PASSES):
        again = collapse_whitespace(latex_to_unicode(text))
        if again == text:
            break
        text = again
    return text
