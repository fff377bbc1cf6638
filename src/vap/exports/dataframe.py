"""Schedules and assessments as pandas data frames (``pip install vap[pandas]``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from vap.engine.assessment import Status
from vap.errors import MissingExtraError
from vap.model.roles import Truth

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["frame"]

_DATES = ("opens", "due", "anchor", "record_on")
_CATEGORIES: dict[str, list[str]] = {
    "applies": [truth.value for truth in (Truth.YES, Truth.UNKNOWN, Truth.NO)],
    "status": [status.value for status in Status],
}


def frame(records: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """
    Return *records* as a data frame with typed columns.

    Dates are ``datetime64`` (missing ones ``NaT``), ``year`` a nullable integer, and
    ``applies`` and ``status`` ordered categoricals.

    Raises:
        MissingExtraError: if pandas is not installed.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError:  # pragma: no cover - the test environment has every extra
        raise MissingExtraError("to_dataframe needs pandas: pip install 'vap[pandas]'") from None
    table = pd.DataFrame.from_records(records, columns=list(columns))
    for column in _DATES:
        if column in table:
            table[column] = pd.to_datetime(table[column])
    table["year"] = table["year"].astype("Int64")
    for column, categories in _CATEGORIES.items():
        if column in table:
            table[column] = pd.Categorical(table[column], categories=categories, ordered=True)
    return table
