"""The Convention's own time-bound obligations, scheduled beside the plan's actions."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from vap.errors import UnknownKeyError, ValidationError
from vap.model.actions import Step
from vap.model.addressees import ADDRESSEE_KINDS, Addressee
from vap.model.applicability import Applicability, step_applicability
from vap.model.duties import Duty
from vap.model.keys import obligation_key
from vap.model.timelines import TIMELINE_KINDS, Timeline
from vap.model.validators import as_tuple, is_instance, is_text, non_empty, repeated, tuple_of

if TYPE_CHECKING:
    from vap.model.policy import SchedulePolicy
    from vap.model.roles import Truth
    from vap.model.states import StateParty

__all__ = ["Obligation", "ObligationSet"]


@attrs.frozen(kw_only=True)
class Obligation:
    """
    A time-bound obligation of the Convention itself, keyed like ``CCM-7.1``.

    ``text`` quotes the article; ``addressee`` and ``timeline`` are read the same way as an
    action's, so the Convention's deadlines flow through the same engine as the plan's.
    Unlike an action, an obligation applies for as long as the Convention is in force for
    the State.
    """

    key: str = attrs.field(validator=obligation_key)
    article: str = attrs.field(validator=non_empty)
    title: str = attrs.field(validator=non_empty)
    text: str = attrs.field(validator=non_empty)
    addressee: Addressee = attrs.field(validator=is_instance(ADDRESSEE_KINDS, "an addressee"))
    timeline: Timeline = attrs.field(validator=is_instance(TIMELINE_KINDS, "a timeline rule"))
    steps: tuple[Step, ...] = attrs.field(init=False, eq=False, repr=False)
    _duties: tuple[Duty, ...] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        step = Step(key=self.key, title=self.title, timeline=self.timeline)
        object.__setattr__(self, "steps", (step,))

    @property
    def duties(self) -> tuple[Duty, ...]:
        """The obligation's one step, with no plan period (the Convention has no end); kept."""
        made = self._duties
        if made is None:
            made = (Duty(step=self.steps[0], parent=self.key, addressee=self.addressee),)
            object.__setattr__(self, "_duties", made)  # a cache: the obligation is unchanged
        return made

    def applies_to(
        self, state: StateParty, *, on: datetime.date, policy: SchedulePolicy | None = None
    ) -> Truth:
        """Return whether the obligation binds *state* on the day *on* (see `applicability`)."""
        return self.applicability(state, on=on, policy=policy).applies

    def applicability(
        self, state: StateParty, *, on: datetime.date, policy: SchedulePolicy | None = None
    ) -> Applicability:
        """Return whether the obligation binds *state* on *on*, with the reasons why."""
        return step_applicability(self.duties[0], state, on=on, policy=policy)

    def __str__(self) -> str:
        return f"{self.key} {self.title} ({self.article})"


def _unique(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    tuple_of(Obligation, "Obligation values")(instance, attribute, value)
    keys = [obligation.key for obligation in value]
    twice = repeated(keys)
    if twice:
        raise ValidationError(f"ObligationSet.{attribute.name}: the key {twice[0]} is repeated")


@attrs.frozen(kw_only=True)
class ObligationSet:
    """A set of the Convention's obligations, looked up by key (``obligations["CCM-7.1"]``)."""

    title: str = attrs.field(validator=non_empty)
    source: str = attrs.field(default="", validator=is_text)
    obligations: tuple[Obligation, ...] = attrs.field(
        default=(), converter=as_tuple, validator=_unique
    )

    def __getitem__(self, key: str) -> Obligation:
        for obligation in self.obligations:
            if obligation.key == key:
                return obligation
        known = ", ".join(obligation.key for obligation in self.obligations)
        raise UnknownKeyError(f"unknown obligation {key!r}: expected one of {known}")

    def __contains__(self, key: object) -> bool:
        return any(obligation.key == key for obligation in self.obligations)

    def __iter__(self) -> Iterator[Obligation]:
        return iter(self.obligations)

    def __len__(self) -> int:
        return len(self.obligations)
