"""States Parties: when the Convention entered into force for them, and what roles they hold."""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterable
from typing import Any, Final

import attrs
import pendulum

from vap.errors import AmbiguousDateError, UnknownKeyError, ValidationError
from vap.model.choices import Choice
from vap.model.dates import MonthEnd, Period, add, as_date
from vap.model.extensions import (
    EXTENSION_RULES,
    Extension,
    ExtensionStatus,
    check_extensions,
    granted_extensions,
)
from vap.model.facts import RoleFact
from vap.model.keys import state_code
from vap.model.roles import Role, Truth
from vap.model.timelines import Anchor
from vap.model.validators import (
    are_strings,
    as_tuple,
    is_date,
    is_instance,
    is_optional_date,
    is_text,
    non_empty,
    to_date,
    to_optional_date,
    to_strings,
    tuple_of,
)

__all__ = [
    "GENERAL_ENTRY_INTO_FORCE",
    "THIRTIETH_DEPOSIT",
    "WITHDRAWAL_NOTICE",
    "Event",
    "Instrument",
    "Signatory",
    "StateParty",
    "Withdrawal",
    "entry_into_force",
    "fact_order",
]

OPENED_FOR_SIGNATURE: Final = pendulum.Date(2008, 12, 3)
"""Article 15: the Convention was opened for signature in Oslo on 3 December 2008; no
instrument was deposited before."""

THIRTIETH_DEPOSIT: Final = pendulum.Date(2010, 2, 16)
"""The day the thirtieth instrument was deposited (Burkina Faso and Moldova, 16 February 2010)."""

GENERAL_ENTRY_INTO_FORCE: Final = pendulum.Date(2010, 8, 1)
"""The Convention's entry into force, Article 17(1): the first day of the sixth month after."""


def entry_into_force(deposited: datetime.date) -> pendulum.Date:
    """
    Return the day the Convention enters into force for a State (Article 17).

    Instruments deposited up to the thirtieth (16 February 2010) share the general entry
    into force, 1 August 2010 (Art. 17(1)); later ones take "the first day of the sixth
    month after the date on which that State has deposited its instrument" (Art. 17(2)):
    the first day of the month six months after the month of deposit.

    Raises:
        ValidationError: if *deposited* is not a date, is before the Convention was opened
            for signature (3 December 2008), or gives an entry into force after 2199.
    """
    day = to_date(deposited)
    if type(day) is not pendulum.Date:
        raise ValidationError(f"deposited must be a date (datetime.date), not {deposited!r}")
    if day < OPENED_FOR_SIGNATURE:
        raise ValidationError(
            f"deposited {day} is before the Convention was opened for signature on"
            f" {OPENED_FOR_SIGNATURE} (Article 15)"
        )
    if day <= THIRTIETH_DEPOSIT:
        return GENERAL_ENTRY_INTO_FORCE
    year, month = divmod(day.year * 12 + day.month - 1 + 6, 12)
    return as_date(pendulum.Date(year, month + 1, 1), field="entry into force")


WITHDRAWAL_NOTICE: Final = Period(months=6)
"""Article 20(2): a withdrawal "shall take effect six months after the receipt of the
instrument of withdrawal by the Depositary"."""


_entry_into_force_of = entry_into_force  # StateParty.__init__ has a keyword of the same name


class Instrument(Choice):
    """The kind of instrument by which a State expressed its consent to be bound (Art. 16)."""

    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"


def _not_entry_into_force(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is Anchor.ENTRY_INTO_FORCE or not isinstance(value, Anchor):
        raise ValidationError(
            f"Event.{attribute.name} must be an Anchor other than ENTRY_INTO_FORCE"
            f" (a field of the State itself), not {value!r}"
        )


@attrs.frozen(kw_only=True)
class Event:
    """
    A dated event in a State's history that a deadline counts from.

    The end of active hostilities starts the ten years to clear areas contaminated after
    entry into force, Article 4(1)(b).
    """

    kind: Anchor = attrs.field(validator=_not_entry_into_force)
    on: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)


def _effective(withdrawal: Withdrawal) -> pendulum.Date:
    """Six months after the notice (Article 20(2)); a day the month lacks must be given."""
    notified = as_date(withdrawal.notified, field="Withdrawal.notified")
    try:
        return add(notified, WITHDRAWAL_NOTICE)
    except AmbiguousDateError:
        raise ValidationError(
            f"Withdrawal.effective must be given for a notice of {withdrawal.notified}: six"
            " months later falls on a day that month lacks; give the day the depositary"
            " states"
        ) from None


def _not_before_notice(instance: Withdrawal, attribute: attrs.Attribute[Any], value: Any) -> None:
    earliest = add(instance.notified, WITHDRAWAL_NOTICE, month_end=MonthEnd.ROUND_DOWN)
    if value < earliest:
        raise ValidationError(
            f"Withdrawal.{attribute.name} {value} is before {earliest}, six months after the"
            f" notification of {instance.notified} (Article 20(2))"
        )


@attrs.frozen(kw_only=True)
class Withdrawal:
    """
    A State's withdrawal from the Convention (Article 20).

    Article 20(2): "Such withdrawal shall take effect six months after the receipt of the
    instrument of withdrawal by the Depositary. If, however, on the expiry of that
    six-month period, the withdrawing State Party is engaged in an armed conflict, the
    withdrawal shall not take effect before the end of the armed conflict." ``effective``
    is therefore six months after ``notified`` unless given later, with the reason in
    ``note``. The State is bound until the day before ``effective``.
    """

    notified: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    effective: pendulum.Date = attrs.field(
        default=attrs.Factory(_effective, takes_self=True),
        converter=to_date,
        validator=[is_date, _not_before_notice],
    )
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)

    def __str__(self) -> str:
        return f"notified {self.notified}, effective {self.effective}"


@attrs.frozen(kw_only=True)
class Signatory:
    """
    A State that signed the Convention and has not ratified it: it owes nothing under it.

    Signature was open from 3 December 2008 until the Convention's entry into force
    (Article 15); a signatory becomes bound only by depositing an instrument (Article 16).
    """

    code: str = attrs.field(validator=state_code)
    name: str = attrs.field(validator=non_empty)
    signed: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    sources: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    note: str = attrs.field(default="", validator=is_text)

    def __str__(self) -> str:
        return f"{self.name} ({self.code}), signed {self.signed}, not ratified"


_EARLIEST: Final = pendulum.Date(1, 1, 1)


def fact_order(fact: RoleFact) -> tuple[str, pendulum.Date]:
    """The order of a State's facts: by role, then by the day each begins."""
    return (fact.role.value, fact.since or _EARLIEST)


@attrs.frozen(init=False)
class StateParty:
    """
    A State Party: its ISO alpha-3 code, name, entry into force and role facts.

    The common case takes one line, where a plain set of roles means exactly these roles
    hold throughout and the others don't:

        StateParty("XYZ", "Xyzland", deposited=date(2011, 3, 14), roles={Role.VICTIMS})

    For roles that change over time or are unknown, pass ``facts`` instead: dated, sourced
    `RoleFact` values; a role is `Truth.UNKNOWN` on any day no fact covers. Entry into
    force is computed from ``deposited`` by Article 17; give ``entry_into_force`` only
    where the deposit date is not known.

    The code is three capital letters, and one schedule or registry holds each code once,
    so it holds at most 26³ = 17,576 States (synthetic ones included; the world has fewer
    than 200).
    """

    code: str = attrs.field(validator=state_code)
    name: str = attrs.field(validator=non_empty)
    entry_into_force: pendulum.Date = attrs.field(validator=is_date)
    deposited: pendulum.Date | None = attrs.field(validator=is_optional_date)
    instrument: Instrument | None = attrs.field(
        validator=attrs.validators.optional(is_instance(Instrument, "an Instrument"))
    )
    signed: pendulum.Date | None = attrs.field(validator=is_optional_date)
    withdrawal: Withdrawal | None = attrs.field(
        validator=attrs.validators.optional(is_instance(Withdrawal, "a Withdrawal"))
    )
    facts: tuple[RoleFact, ...] = attrs.field(validator=tuple_of(RoleFact, "RoleFact values"))
    events: tuple[Event, ...] = attrs.field(validator=tuple_of(Event, "Event values"))
    extensions: tuple[Extension, ...] = attrs.field(
        validator=tuple_of(Extension, "Extension values")
    )
    sources: tuple[str, ...] = attrs.field(validator=are_strings)
    note: str = attrs.field(validator=is_text)

    def __init__(  # noqa: PLR0913 - the keywords are the State's fields
        self,
        code: str,
        name: str,
        *,
        deposited: datetime.date | None = None,
        entry_into_force: datetime.date | None = None,
        roles: Iterable[Role | str] | None = None,
        facts: Iterable[RoleFact] = (),
        instrument: Instrument | None = None,
        signed: datetime.date | None = None,
        withdrawal: Withdrawal | None = None,
        events: Iterable[Event] = (),
        extensions: Iterable[Extension] = (),
        sources: Iterable[str] = (),
        note: str = "",
    ) -> None:
        where = f"StateParty {code!r}"
        deposit_day = to_optional_date(deposited)
        if deposit_day is not None and type(deposit_day) is not pendulum.Date:
            raise ValidationError(
                f"{where}: deposited must be a date (datetime.date), not {deposited!r}"
            )
        given_entry = to_optional_date(entry_into_force)
        if deposit_day is not None:
            computed = _entry_into_force_of(deposit_day)
        elif given_entry is not None:
            computed = given_entry
        else:
            raise ValidationError(
                f"{where} needs a deposit date or, where none is known, an entry into force"
            )
        if given_entry is not None and computed != given_entry:
            raise ValidationError(
                f"{where}: entry_into_force {given_entry} contradicts Article 17, which gives"
                f" {computed} for an instrument deposited on {deposit_day}"
            )
        events, extensions = as_tuple(events), as_tuple(extensions)
        for field, values, kind in (
            ("events", events, Event),
            ("extensions", extensions, Extension),
        ):
            if not isinstance(values, tuple) or not all(isinstance(v, kind) for v in values):
                raise ValidationError(
                    f"{where}: {field} must be a sequence of {kind.__name__} values, not {values!r}"
                )
        self.__attrs_init__(
            code=code,
            name=name,
            entry_into_force=computed,
            deposited=deposit_day,
            instrument=instrument,
            signed=to_optional_date(signed),
            withdrawal=withdrawal,
            facts=tuple(sorted(_facts(where, roles, facts), key=fact_order)),
            events=tuple(sorted(events, key=lambda event: (event.kind.value, event.on))),
            extensions=tuple(
                sorted(
                    extensions,
                    key=lambda extension: (
                        extension.obligation,
                        extension.status.value,
                        extension.until or _EARLIEST,
                    ),
                )
            ),
            sources=to_strings(sources),
            note=note,
        )

    def __attrs_post_init__(self) -> None:
        problems = []
        for index, fact in enumerate(self.facts):
            if fact.until is not None and fact.until <= self.entry_into_force:
                problems.append(
                    f"the fact '{fact.describe()}' ends on {fact.until}, outside the State's"
                    f" life under the Convention, which begins {self.entry_into_force}"
                )
            problems.extend(
                f"the facts '{fact.describe()}' and '{other.describe()}' overlap:"
                " a role can have one value on a day"
                for other in self.facts[index + 1 :]
                if other.role is fact.role and fact.overlaps(other)
            )
        problems.extend(
            f"the event {event.kind.value} on {event.on} is before the entry into force,"
            f" {self.entry_into_force}"
            for event in self.events
            if event.on < self.entry_into_force
        )
        problems.extend(check_extensions(self.extensions, self.entry_into_force))
        if self.withdrawal is not None and self.withdrawal.notified < self.entry_into_force:
            problems.append(
                f"the withdrawal notified on {self.withdrawal.notified} is before the entry into"
                f" force, {self.entry_into_force}: a State withdraws only once bound (Article 20)"
            )
        if self.signed is not None and self.deposited is not None and self.signed > self.deposited:
            problems.append(
                f"signed on {self.signed}, after its instrument was deposited on {self.deposited}"
            )
        if problems:
            raise ValidationError(f"invalid StateParty {self.code!r}", problems)

    @property
    def joined(self) -> pendulum.Date:
        """The day the State deposited its instrument (its entry into force if not known)."""
        return self.deposited or self.entry_into_force

    @property
    def bound_until(self) -> pendulum.Date | None:
        """The last day the State is bound: the day before its withdrawal takes effect."""
        if self.withdrawal is None:
            return None
        return self.withdrawal.effective - datetime.timedelta(days=1)

    def is_party(self, *, on: datetime.date) -> bool:
        """
        Whether the Convention binds the State on the day *on*.

        From its entry into force (Article 17) until its withdrawal takes effect
        (Article 20), that day excluded.
        """
        day = as_date(on, field="on")
        return self.entry_into_force <= day and (
            self.withdrawal is None or day < self.withdrawal.effective
        )

    def had_joined(self, *, on: datetime.date) -> bool:
        """
        Whether the State had deposited its instrument by *on*, and not withdrawn.

        This is how the Monitor and the support unit count States Parties in their lists:
        a State is counted from its deposit, before its entry into force.
        """
        day = as_date(on, field="on")
        return self.joined <= day and (self.withdrawal is None or day < self.withdrawal.effective)

    def fact(self, role: Role | str, *, on: datetime.date) -> RoleFact | None:
        """
        Return the fact that gives *role* (a `Role` or its name) on *on*, or ``None``.

        Raises:
            ValidationError: for an unknown role, or a day that is not a date in range.
        """
        role, day = Role.parse(role), as_date(on, field="on")
        for fact in self.facts:
            if fact.role is role and fact.covers(day):
                return fact
        return None

    def role(self, role: Role | str, *, on: datetime.date) -> Truth:
        """Return whether the State holds *role* on the day *on*; `UNKNOWN` where no fact says."""
        fact = self.fact(role, on=on)
        return Truth.UNKNOWN if fact is None else fact.value

    def with_extension(  # noqa: PLR0913 - keyword-only, one per field of the extension
        self,
        obligation: str,
        *,
        until: datetime.date,
        status: ExtensionStatus = ExtensionStatus.GRANTED,
        decided_at: str | None = None,
        sources: Iterable[str] = (),
        note: str = "",
    ) -> StateParty:
        """
        Return a copy of the State with an extension of *obligation* to *until*: a what-if.

        *decided_at* is the key of the meeting that granted it or, for a request, that
        considers it (``"14MSP"``).

        Raises:
            ValidationError: if the Convention allows no such extension (Articles 3(3),
                4(5) and 4(8)): an unknown obligation, or a new deadline that is not later
                than the current one or later than the longest step allows.
        """
        extension = Extension(
            obligation=obligation,
            until=until,
            status=status,
            decided_at=decided_at,
            sources=sources,
            note=note,
        )
        return attrs.evolve(self, extensions=(*self.extensions, extension))

    def extended_deadline(self, obligation: str) -> pendulum.Date | None:
        """
        Return the deadline of *obligation* set by its last granted extension, or ``None``.

        Raises:
            UnknownKeyError: for an obligation whose deadline cannot be extended.
        """
        if obligation not in EXTENSION_RULES:
            raise UnknownKeyError(
                f"unknown extendable obligation {obligation!r}: expected one of"
                f" {', '.join(EXTENSION_RULES)}"
            )
        granted = granted_extensions(self.extensions, obligation)
        return granted[-1].until if granted else None

    def deadline(self, obligation: str) -> pendulum.Date | None:
        """
        Return the deadline set by the last granted extension (deprecated).

        Use `extended_deadline`, whose name says that it is ``None`` unless extended; a
        schedule item's ``due`` is the deadline in force.
        """
        warnings.warn(
            "StateParty.deadline() is deprecated: use extended_deadline()",
            DeprecationWarning,
            stacklevel=2,
        )
        return self.extended_deadline(obligation)

    def __str__(self) -> str:
        text = f"{self.name} ({self.code}), in force since {self.entry_into_force}"
        if self.withdrawal is not None:
            text += f", withdrew with effect from {self.withdrawal.effective}"
        return text

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)


def _facts(
    where: str, roles: Iterable[Role | str] | None, facts: Iterable[RoleFact]
) -> tuple[RoleFact, ...]:
    given = as_tuple(facts)
    if not isinstance(given, tuple) or not all(isinstance(fact, RoleFact) for fact in given):
        raise ValidationError(f"{where}: facts must be RoleFact values, not {facts!r}")
    if roles is None:
        return given
    if given:
        raise ValidationError(
            f"{where}: give roles (a plain set that holds throughout) or facts, not both"
        )
    if isinstance(roles, str | Role):
        raise ValidationError(
            f"{where}: roles must be a set of roles, not the single value {roles!r}"
        )
    listed = as_tuple(roles)
    if not isinstance(listed, tuple):
        raise ValidationError(f"{where}: roles must be a set of roles, not {roles!r}")
    held = {Role.parse(role) for role in listed}
    return tuple(
        RoleFact(role=role, value=Truth.YES if role in held else Truth.NO, note="given as roles")
        for role in Role
    )
