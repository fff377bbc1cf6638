"""Reasons: the words behind every answer, with the sources and quotes they rest on."""

from __future__ import annotations

import attrs

from vap.model.evidence import Evidence
from vap.model.validators import are_strings, as_tuple, non_empty, to_strings, tuple_of, unchecked

__all__ = ["Reason", "reason"]


@attrs.frozen(cache_hash=True)
class Reason:
    """
    One reason behind an answer, in words, with the sources of the facts it rests on.

    ``evidence`` quotes the sources, each with the day it speaks for; reasons about a
    State's roles carry the evidence of the facts they use.
    """

    message: str = attrs.field(validator=non_empty)
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Evidence, "Evidence values")
    )

    def __str__(self) -> str:
        if not self.sources:
            return self.message
        return f"{self.message} (sources: {', '.join(self.sources)})"


def reason(
    message: str, sources: tuple[str, ...] = (), evidence: tuple[Evidence, ...] = ()
) -> Reason:
    """
    A `Reason` the model makes from its own checked parts, without running validators.

    The engine gives reasons to thousands of items; the words come from the model and the
    sources and evidence from checked facts, so the checks would only cost time.
    """
    return unchecked(Reason)(message=message, sources=sources, evidence=evidence)
