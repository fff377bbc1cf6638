"""The words of a source that support a fact, and the day they speak for."""

from __future__ import annotations

import attrs
import pendulum

from vap.model.validators import is_date, non_empty, to_date

__all__ = ["Evidence"]


@attrs.frozen(cache_hash=True)
class Evidence:
    """
    The words of a source that support a fact, and the day they speak for.

    ``source`` is a key of `vap.sources` (or an address); ``quote`` the sentence or list
    item, verbatim, that supports the fact on its own.
    """

    source: str = attrs.field(validator=non_empty)
    as_of: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    quote: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f'{self.source}, as of {self.as_of}: "{self.quote}"'
