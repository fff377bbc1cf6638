"""The plan's actions: their verbatim text, who they address, how strongly, and when."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from vap.errors import ValidationError
from vap.model.addressees import ADDRESSEE_KINDS, Addressee
from vap.model.applicability import Applicability, combine, step_applicability
from vap.model.choices import Choice
from vap.model.dates import as_date
from vap.model.duties import Duty
from vap.model.keys import action_key, step_key
from vap.model.meetings import Calendar
from vap.model.timelines import TIMELINE_KINDS, Timeline
from vap.model.validators import (
    are_strings,
    as_tuple,
    is_date,
    is_instance,
    is_optional_date,
    is_text,
    matches,
    non_empty,
    not_before,
    to_date,
    to_optional_date,
    to_strings,
    tuple_of,
)

if TYPE_CHECKING:
    from vap.model.policy import SchedulePolicy
    from vap.model.roles import Truth
    from vap.model.states import StateParty

__all__ = ["Action", "Condition", "Hedge", "Modality", "Qualifier", "Section", "Step"]


class Modality(Choice):
    """
    How strongly a heading commits its addressees, from the plan's own verbs.

    "will" (most actions), "will seek to" (30-32), "should" (33-36) and "should undertake"
    (37-42).
    """

    WILL = "will"
    WILL_SEEK_TO = "will seek to"
    SHOULD = "should"
    SHOULD_UNDERTAKE = "should undertake"


class Qualifier(Choice):
    """
    A hedge inside an action's text that softens what it asks.

    "Endeavour to" (8, 12, 13, 33), "Strive to" (18, 38, 44, 51), "where appropriate"
    (7, 13), "as appropriate" (17, 41, 63), "To the extent possible" (60), "where
    relevant" or "when relevant" (44, 62), "as national and international resources become
    available" (10, 20).
    """

    ENDEAVOUR = "endeavour to"
    STRIVE = "strive to"
    WHERE_APPROPRIATE = "where appropriate"
    AS_APPROPRIATE = "as appropriate"
    TO_THE_EXTENT_POSSIBLE = "to the extent possible"
    WHERE_RELEVANT = "where relevant"
    AS_RESOURCES_BECOME_AVAILABLE = "as resources become available"


@attrs.frozen(kw_only=True)
class Hedge:
    """A `Qualifier` with the words of the text it rests on, verbatim."""

    qualifier: Qualifier = attrs.field(validator=is_instance(Qualifier, "a Qualifier"))
    words: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f'{self.qualifier.value} ("{self.words}")'


@attrs.frozen(kw_only=True)
class Condition:
    """
    A clause of an action's text that narrows whom one of its steps binds.

    ``predicate`` is a role ("where relevant ... article 3, paragraph 8": States that
    retain) or a `vap.Circumstance` that no data decides ("in situations where assistance
    is required"); ``words`` are the text's own, verbatim.
    """

    predicate: Addressee = attrs.field(validator=is_instance(ADDRESSEE_KINDS, "an addressee"))
    words: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f'{self.predicate} ("{self.words}")'


@attrs.frozen(kw_only=True)
class Section:
    """A numbered section of the plan: ``Section("IV", "Stockpile destruction")``."""

    number: str = attrs.field(validator=matches(r"[IVXLC]+", "a Roman numeral such as 'IV'"))
    title: str = attrs.field(validator=non_empty)

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


@attrs.frozen(kw_only=True)
class Step:
    """
    One part (limb) of an action, with its own key, deadline rule and condition.

    Most actions are one step keyed like the action (``VAP-12``); an action whose parts
    differ in timing or in whom they bind has one step per part (``VAP-8.1``, ``VAP-8.2``).
    ``words`` is the part of the action's text the step covers, ``phrase`` its timing
    wording, verbatim; ``condition`` narrows the action's addressees for this step;
    ``hedges`` soften it; ``modality`` overrides the heading's verb where the text does
    ("should do so", action 24); ``note`` says what a reader of the text may need to know.
    """

    key: str = attrs.field(validator=step_key)
    title: str = attrs.field(validator=non_empty)
    timeline: Timeline = attrs.field(validator=is_instance(TIMELINE_KINDS, "a timeline rule"))
    phrase: str | None = attrs.field(default=None, validator=attrs.validators.optional(is_text))
    words: str | None = attrs.field(default=None, validator=attrs.validators.optional(non_empty))
    condition: Condition | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Condition, "a Condition"))
    )
    hedges: tuple[Hedge, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Hedge, "Hedge values")
    )
    modality: Modality | None = attrs.field(
        default=None, validator=attrs.validators.optional(is_instance(Modality, "a Modality"))
    )
    note: str = attrs.field(default="", validator=is_text)


@attrs.frozen(kw_only=True)
class Action:
    """
    One numbered action of a plan, with everything needed to apply and schedule it.

    ``text`` is the plan's wording, verbatim. ``addressee`` and ``modality`` come from the
    heading the action sits under (``heading``, verbatim). ``adopted``, ``superseded`` and
    ``meetings`` are the plan's: an action applies while its plan is in force, and its
    meeting-bound steps fall due at meetings of that calendar.
    """

    key: str = attrs.field(validator=action_key)
    number: int = attrs.field(validator=is_instance(int, "a whole number"))
    title: str = attrs.field(validator=non_empty)
    text: str = attrs.field(validator=non_empty)
    section: Section = attrs.field(validator=is_instance(Section, "a Section"))
    subsection: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(non_empty)
    )
    heading: str = attrs.field(validator=non_empty)
    addressee: Addressee = attrs.field(validator=is_instance(ADDRESSEE_KINDS, "an addressee"))
    modality: Modality = attrs.field(validator=is_instance(Modality, "a Modality"))
    articles: tuple[str, ...] = attrs.field(default=(), converter=to_strings, validator=are_strings)
    steps: tuple[Step, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Step, "Step values", at_least=1)
    )
    adopted: pendulum.Date = attrs.field(converter=to_date, validator=is_date)
    superseded: pendulum.Date | None = attrs.field(
        default=None,
        converter=to_optional_date,
        validator=[is_optional_date, not_before("adopted")],
    )
    meetings: Calendar = attrs.field(validator=is_instance(Calendar, "a Calendar"), repr=False)
    _duties: tuple[Duty, ...] | None = attrs.field(init=False, default=None, eq=False, repr=False)

    @number.validator
    def _number_in_key(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not self.key.endswith(f"-{value}"):
            raise ValidationError(
                f"Action.{attribute.name} {value} does not match the key {self.key!r}"
            )

    @steps.validator
    def _step_keys(self, attribute: attrs.Attribute[Any], steps: tuple[Step, ...]) -> None:
        expected = (
            [self.key]
            if len(steps) == 1
            else [f"{self.key}.{index}" for index in range(1, len(steps) + 1)]
        )
        actual = [step.key for step in steps]
        if actual != expected:
            raise ValidationError(
                f"Action.{attribute.name} of {self.key} are keyed {actual}, expected {expected}"
            )
        for step in steps:
            quoted = [("phrase", step.phrase), ("words", step.words)]
            if step.condition is not None:
                quoted.append(("condition", step.condition.words))
            quoted.extend(("hedge", hedge.words) for hedge in step.hedges)
            for name, words in quoted:
                if words is not None and words not in self.text:
                    raise ValidationError(
                        f"the {name} of step {step.key}, {words!r}, is not in the action's text"
                    )

    @property
    def qualifier(self) -> Qualifier | None:
        """The first hedge of the action's steps ("endeavour to"), or ``None``."""
        return next((hedge.qualifier for step in self.steps for hedge in step.hedges), None)

    def in_force_on(self, day: datetime.date) -> bool:
        """Whether the action's plan is in force on *day* (adoption included, successor not)."""
        day = as_date(day, field="day")
        return self.adopted <= day and (self.superseded is None or day < self.superseded)

    @property
    def duties(self) -> tuple[Duty, ...]:
        """
        Each step with the plan's period and meetings: what applicability and dates need.

        Made on first use and kept: the action is unchanged, and every schedule and answer
        about it asks for them.
        """
        made = self._duties
        if made is None:
            made = tuple(
                Duty(
                    step=step,
                    parent=self.key,
                    addressee=self.addressee,
                    starts=self.adopted,
                    ends=self.superseded,
                    meetings=self.meetings,
                )
                for step in self.steps
            )
            object.__setattr__(self, "_duties", made)  # a cache: the action is unchanged
        return made

    def applies_to(
        self, state: StateParty, *, on: datetime.date, policy: SchedulePolicy | None = None
    ) -> Truth:
        """
        Return whether the action applies to *state* on the day *on*.

        `Truth.YES` when one of its steps applies (`vap.model.applicability` gives the
        rules), `Truth.UNKNOWN` when none does and one might. `applicability` gives the
        same answer with the reasons behind it.
        """
        return self.applicability(state, on=on, policy=policy).applies

    def applicability(
        self, state: StateParty, *, on: datetime.date, policy: SchedulePolicy | None = None
    ) -> Applicability:
        """Return whether the action applies to *state* on *on*, with the reasons why."""
        return combine(
            self.key,
            tuple(step_applicability(duty, state, on=on, policy=policy) for duty in self.duties),
        )

    def __str__(self) -> str:
        return f"{self.key} {self.title}"

    def _repr_html_(self) -> str:
        from vap import exports  # noqa: PLC0415 - the notebook view, from the exports layer

        return exports.html(self)
