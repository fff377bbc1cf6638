"""Extensions of the Convention's destruction and clearance deadlines (Articles 3 and 4)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.choices import Choice
from vap.model.dates import MonthEnd, Period, add, iso
from vap.model.validators import (
    are_strings,
    is_instance,
    is_optional_date,
    is_text,
    non_empty,
    says,
    to_optional_date,
    to_strings,
)

if TYPE_CHECKING:
    import datetime

    from vap.model.meetings import Calendar

__all__ = [
    "EXTENSION_RULES",
    "Extension",
    "ExtensionRule",
    "ExtensionStatus",
    "check_extensions",
    "granted_extensions",
    "undecided_on",
    "undecided_requests",
]


class ExtensionStatus(Choice):
    """Where an extension stands: only a granted one moves a deadline."""

    GRANTED = "granted"
    REQUESTED = "requested"


@attrs.frozen(kw_only=True)
class ExtensionRule:
    """How far the Convention lets a State extend one of its deadlines."""

    obligation: str
    deadline: Period
    longest: Period
    article: str


EXTENSION_RULES: Final = {
    rule.obligation: rule
    for rule in (
        # Art. 3(2) eight years; 3(3) "by a period of up to four years", and in exceptional
        # circumstances "additional extensions of up to four years".
        ExtensionRule(
            obligation="CCM-3.2",
            deadline=Period(years=8),
            longest=Period(years=4),
            article="Article 3(3)",
        ),
        # Art. 4(1)(a) ten years; 4(5) "by a period of up to five years"; 4(8) renewable.
        ExtensionRule(
            obligation="CCM-4.1a",
            deadline=Period(years=10),
            longest=Period(years=5),
            article="Articles 4(5) and 4(8)",
        ),
    )
}
"""The deadlines that can be extended, keyed by obligation, with the longest step allowed."""


@says({"enum": list(EXTENSION_RULES)})
def _known_obligation(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in EXTENSION_RULES:
        known = " or ".join(EXTENSION_RULES)
        raise ValidationError(f"Extension.{attribute.name} must be {known}, not {value!r}")


def _until_when_granted(instance: Extension, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None and instance.status is ExtensionStatus.GRANTED:
        raise ValidationError(f"Extension.{attribute.name} is required for a granted extension")


@attrs.frozen(kw_only=True)
class Extension:
    """
    An extension of a deadline, requested or granted by a Meeting of States Parties.

    ``until`` is the new deadline (``None`` only for a request whose date no source gives);
    ``requested`` the day the request was submitted and ``decided_at`` the key of the
    meeting that granted it (``"9MSP"``) or, for a request, that considered it, where a
    source gives them.
    """

    obligation: str = attrs.field(validator=_known_obligation)
    status: ExtensionStatus = attrs.field(
        default=ExtensionStatus.GRANTED,
        validator=is_instance(ExtensionStatus, "an ExtensionStatus (GRANTED or REQUESTED)"),
    )
    until: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, _until_when_granted],
    )
    requested: pendulum.Date | None = attrs.field(
        default=None, converter=to_optional_date, validator=is_optional_date
    )
    decided_at: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty)
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)

    def describe_request(self) -> str:
        """
        An undecided request in words (`undecided_requests`).

        "a request to extend it to 2030-08-01 was before 12MSP, and its decision is not on
        record".
        """
        to = "" if self.until is None else f" to {iso(self.until)}"
        return (
            f"a request to extend it{to} was before {self.decided_at},"
            " and its decision is not on record"
        )

    def describe(self, rule: ExtensionRule) -> str:
        """The extension in words: "extended to 2021-04-01 under Article 3(3), granted at 9MSP"."""
        parts = [f"extended to {self.until} under {rule.article}"]
        if self.requested is not None:
            parts.append(f"requested on {iso(self.requested)}")
        if self.decided_at is not None:
            parts.append(f"granted at {self.decided_at}")
        return ", ".join(parts)


def granted_extensions(extensions: Iterable[Extension], obligation: str) -> tuple[Extension, ...]:
    """The granted extensions of *obligation*, in the order they extend one another."""
    return tuple(
        sorted(
            (
                extension
                for extension in extensions
                if extension.obligation == obligation
                and extension.status is ExtensionStatus.GRANTED
                and extension.until is not None
            ),
            key=lambda extension: extension.until or pendulum.Date(1, 1, 1),
        )
    )


def undecided_requests(extensions: Iterable[Extension], obligation: str) -> tuple[Extension, ...]:
    """
    The requests to extend *obligation* put to a meeting whose decision is not on record.

    A request counts where the data names the meeting that considered it (``decided_at``)
    and no granted extension answers it: none granted at that meeting, on the day the
    request was made, or to the day it asked for. A request that names no meeting is not
    placed in time, so it is not read. Articles 3(3) and 4(5)
    let the Meeting of States Parties decide: until the decision is on record, the
    deadline after that meeting is the one in force, or a later one.
    """
    granted = granted_extensions(extensions, obligation)
    answered = (
        {extension.decided_at for extension in granted} - {None},
        {extension.requested for extension in granted} - {None},
        {extension.until for extension in granted},
    )
    return tuple(
        extension
        for extension in extensions
        if extension.obligation == obligation
        and extension.status is ExtensionStatus.REQUESTED
        and extension.decided_at is not None
        and extension.decided_at not in answered[0]
        and (extension.requested is None or extension.requested not in answered[1])
        and (extension.until is None or extension.until not in answered[2])
    )


def undecided_on(
    requests: Iterable[Extension], day: datetime.date, meetings: Calendar
) -> tuple[Extension, ...]:
    """
    Those of the undecided *requests* that may have moved their deadline to *day* or later.

    A request may have, once its meeting has decided (it closed on or before *day*, or the
    calendar does not give its days), unless the date it asked for is before *day*: then
    the deadline is past whether it was granted or not. A request that names no meeting
    has none.
    """
    return tuple(
        request
        for request in requests
        if (meeting := request.decided_at) is not None
        and (meeting not in meetings or meetings[meeting].closes <= day)
        and (request.until is None or day <= request.until)
    )


def check_extensions(extensions: Iterable[Extension], entry_into_force: pendulum.Date) -> list[str]:
    """
    Return the problems with a State's granted extensions, in words; empty if none.

    Each granted extension must end after the deadline it extends (the original one, or
    the previous extension) and at most the rule's longest step after it. The longest step
    counted from 29 February ends on 28 February (`MonthEnd.ROUND_DOWN`): the stricter
    reading of "up to".
    """
    problems = []
    for obligation, rule in EXTENSION_RULES.items():
        previous = add(entry_into_force, rule.deadline)
        for extension in granted_extensions(extensions, obligation):
            until = extension.until
            assert until is not None  # noqa: S101 - granted extensions have a date
            longest = add(previous, rule.longest, month_end=MonthEnd.ROUND_DOWN)
            if until <= previous:
                problems.append(
                    f"extension of {obligation} to {until} does not end after the deadline"
                    f" it extends, {previous}"
                )
            elif until > longest:
                problems.append(
                    f"extension of {obligation} to {until} is longer than {rule.article}"
                    f" allows: at most {rule.longest} after {previous}, that is {longest}"
                )
            previous = until
    return problems
