"""
Hypothesis strategies for every public value of `vap`.

Each strategy builds only valid values: a State's role facts never overlap and never end
before its entry into force; a plan's actions are numbered once each and refer only to
meetings of its calendar. Use them to test code built on `vap`:

    from hypothesis import given
    from vap.testing import strategies as vst

    @given(vst.states_parties())
    def test_my_dashboard_accepts_any_state(state): ...
"""

from __future__ import annotations

import calendar
import datetime
import itertools
import string
from collections.abc import Sequence

import attrs
import pendulum
from hypothesis import strategies as st

from vap.engine.schedule import Schedule
from vap.model.actions import Action, Condition, Hedge, Modality, Qualifier, Section, Step
from vap.model.addressees import Addressee, AllOf, AllStates, AnyOf, Circumstance, HasRole, Not
from vap.model.dates import MonthEnd, Period, add
from vap.model.evidence import Evidence
from vap.model.extensions import EXTENSION_RULES, Extension, ExtensionStatus
from vap.model.facts import RoleFact
from vap.model.meetings import Calendar, Meeting, MeetingDay
from vap.model.plan import Plan
from vap.model.policy import (
    AfterPlanEnds,
    FirstAnnualReport,
    ReportedAreas,
    SchedulePolicy,
)
from vap.model.progress import Progress, Record, RecordStatus
from vap.model.reading import ListReading, ListScope, Observation, RoleList
from vap.model.registry import Signatories
from vap.model.roles import Role, Truth
from vap.model.states import (
    Event,
    Instrument,
    Signatory,
    StateParty,
    Withdrawal,
    entry_into_force,
)
from vap.model.timelines import (
    Anchor,
    Annually,
    AsSoonAsPossible,
    ByMeeting,
    DuringYear,
    FromDate,
    Ongoing,
    OnRoleStart,
    Timeline,
    Within,
)
from vap.model.validators import visible

__all__ = [
    "addressees",
    "calendars",
    "conditions",
    "dates",
    "evidence",
    "hedges",
    "meetings",
    "observations",
    "periods",
    "plans",
    "progress_for",
    "records",
    "role_facts",
    "role_lists",
    "roles",
    "schedule_policies",
    "signatories",
    "sources",
    "states_parties",
    "timelines",
    "truths",
    "withdrawals",
]

EARLIEST: pendulum.Date = pendulum.Date(2008, 12, 3)
"""The Convention opened for signature, and the first instruments were deposited."""

LATEST: pendulum.Date = pendulum.Date(2040, 12, 31)


def _plain(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, day.month, day.day)


def _month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


PLAN_IN_FORCE = (datetime.date(2010, 11, 12), datetime.date(2015, 9, 10))
"""The days the Vientiane Action Plan was in force: most laws are about them."""


def dates(
    min_value: datetime.date = EARLIEST, max_value: datetime.date = LATEST
) -> st.SearchStrategy[pendulum.Date]:
    """
    Calendar days between *min_value* and *max_value*, as `pendulum.Date`.

    Biased toward the days where date arithmetic goes wrong and the plan's rules change:
    month ends, 29 February, and the years the plan was in force.
    """
    low, high = _plain(min_value), _plain(max_value)
    if low > high:
        message = f"dates(): min_value {low} is after max_value {high}"
        raise ValueError(message)
    uniform = st.dates(low, high)
    choices = [
        uniform,
        uniform.map(_month_end).filter(lambda day: day <= high),
    ]
    leap_days = [
        datetime.date(year, 2, 29)
        for year in range(low.year, high.year + 1)
        if calendar.isleap(year) and low <= datetime.date(year, 2, 29) <= high
    ]
    if leap_days:
        choices.append(st.sampled_from(leap_days))
    start, end = max(low, PLAN_IN_FORCE[0]), min(high, PLAN_IN_FORCE[1])
    if start <= end:
        choices.append(st.dates(start, end))
    return st.one_of(choices).map(lambda day: pendulum.Date(day.year, day.month, day.day))


def periods() -> st.SearchStrategy[Period]:
    """Spans of years, months and days, as the Convention states them."""
    return st.builds(
        Period,
        years=st.integers(0, 12),
        months=st.integers(0, 24),
        days=st.integers(0, 400),
    )


def roles() -> st.SearchStrategy[Role]:
    """Any role."""
    return st.sampled_from(Role)


def truths() -> st.SearchStrategy[Truth]:
    """Any three-valued truth."""
    return st.sampled_from(Truth)


_TEXT = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))


def _texts(min_size: int = 1, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(_TEXT, min_size=min_size, max_size=max_size).filter(visible)


def sources() -> st.SearchStrategy[tuple[str, ...]]:
    """Source keys such as ``"MON-DEU"``."""
    return st.lists(_source_keys(), max_size=3).map(tuple)


def evidence() -> st.SearchStrategy[Evidence]:
    """A source's words about a role, with the day they speak of."""
    return st.builds(Evidence, source=_source_keys(), as_of=dates(), quote=_texts())


def _source_keys() -> st.SearchStrategy[str]:
    return st.text(string.ascii_uppercase + string.digits + "-", min_size=2, max_size=12)


@st.composite
def withdrawals(draw: st.DrawFn, *, after: datetime.date = EARLIEST) -> Withdrawal:
    """Article 20 withdrawals notified after *after*, effective six months on or later."""
    notified = draw(dates(after, max(after, pendulum.Date(2038, 12, 31))))
    later = draw(st.none() | st.integers(0, 400))
    if later is None and notified.day <= 28:
        return Withdrawal(notified=notified, sources=draw(sources()))
    notice = add(notified, Period(months=6), month_end=MonthEnd.ROUND_UP)
    effective = add(notice, Period(days=later or 0))
    return Withdrawal(notified=notified, effective=effective, sources=draw(sources()))


@st.composite
def signatories(draw: st.DrawFn) -> Signatories:
    """Registries of States that signed and did not ratify, each code once."""
    codes = draw(st.sets(st.text(string.ascii_uppercase, min_size=3, max_size=3), max_size=4))
    return Signatories(
        Signatory(code=code, name=draw(_texts()), signed=draw(dates()), sources=draw(sources()))
        for code in sorted(codes)
    )


@st.composite
def observations(draw: st.DrawFn) -> Observation:
    """
    A dated observation that a role held, did not, or (a plain one) was unclear.

    A change may be known to a window of days (``settled`` after ``on``).
    """
    on = draw(dates())
    change = draw(st.booleans())
    values = (Truth.YES, Truth.NO) if change else tuple(Truth)
    return Observation(
        role=draw(roles()),
        value=draw(st.sampled_from(values)),
        on=on,
        evidence=draw(st.lists(evidence(), min_size=1, max_size=2)),
        change=change,
        settled=draw(dates(min_value=on, max_value=on + datetime.timedelta(days=366)))
        if change
        else on,
    )


@st.composite
def role_lists(draw: st.DrawFn) -> RoleList:
    """A published list of the States that hold (or do not hold) a role on a day."""
    codes = st.text(string.ascii_uppercase, min_size=3, max_size=3)
    members = draw(st.frozensets(codes, max_size=5))
    return RoleList(
        key=draw(_source_keys()),
        role=draw(roles()),
        value=draw(st.sampled_from((Truth.YES, Truth.NO))),
        evidence=draw(evidence()),
        scope=draw(st.sampled_from(ListScope)),
        complete=draw(st.booleans()),
        reading=draw(st.sampled_from(ListReading)),
        members=members,
        unclear=draw(st.frozensets(codes, max_size=2)) - members,
    )


def hedges() -> st.SearchStrategy[Hedge]:
    """Qualifiers with the words they rest on."""
    return st.builds(Hedge, qualifier=st.sampled_from(Qualifier), words=_texts())


def conditions() -> st.SearchStrategy[Condition]:
    """Step conditions: a role, or a circumstance no data decides, with their words."""
    predicate = st.one_of(st.builds(HasRole, roles()), st.builds(Circumstance, words=_texts()))
    return st.builds(Condition, predicate=predicate, words=_texts())


def schedule_policies() -> st.SearchStrategy[SchedulePolicy]:
    """Every combination of the scheduling policies (reading "have reported" by the facts)."""
    return st.builds(
        SchedulePolicy,
        until=st.none() | dates(),
        meeting_day=st.sampled_from(MeetingDay),
        first_annual_report=st.sampled_from(FirstAnnualReport),
        month_end=st.sampled_from(MonthEnd),
        after_plan_ends=st.sampled_from(AfterPlanEnds),
        reported_areas=st.just(ReportedAreas.FACTS),
    )


@st.composite
def role_facts(
    draw: st.DrawFn, role: Role, *, entry_into_force: datetime.date
) -> tuple[RoleFact, ...]:
    """
    The facts about one *role* over a State's life: consecutive spans, each yes, no or a gap.

    No fact ends on or before *entry_into_force*, so the facts suit a State entering into
    force that day.
    """
    first = pendulum.Date.fromordinal(entry_into_force.toordinal() + 1)
    points = sorted(set(draw(st.lists(dates(first, LATEST), max_size=3))))
    bounds: list[pendulum.Date | None] = [None, *points, None]
    facts = []
    for since, until in itertools.pairwise(bounds):
        value = draw(st.sampled_from((Truth.YES, Truth.NO, None)))
        if value is not None:
            facts.append(
                RoleFact(role=role, value=value, since=since, until=until, sources=draw(sources()))
            )
    return tuple(facts)


def _first_of_months() -> st.SearchStrategy[pendulum.Date]:
    return dates(pendulum.Date(2010, 8, 1), LATEST).map(lambda day: day.replace(day=1))


@st.composite
def states_parties(draw: st.DrawFn, *, plain_roles: bool | None = None) -> StateParty:
    """
    Valid States Parties: dated role facts (or, with *plain_roles*, a plain set of roles).

    Some have only an entry into force (no deposit date), some an event, an extension, a
    request to extend a deadline (put to a meeting of the built-in calendar, to one it
    lacks, or to none named), a signature before their deposit, facts with evidence, or a
    withdrawal.
    """
    code = draw(st.text(string.ascii_uppercase, min_size=3, max_size=3))
    name = draw(_texts())
    deposited: pendulum.Date | None = None
    given_entry: pendulum.Date | None = None
    if draw(st.booleans()):
        deposited = draw(dates(EARLIEST, pendulum.Date(2035, 12, 31)))
        start = entry_into_force(deposited)
    else:
        start = given_entry = draw(_first_of_months())
    plain = draw(st.booleans()) if plain_roles is None else plain_roles
    roles_held = draw(st.sets(roles())) if plain else None
    facts = (
        ()
        if plain
        else tuple(fact for role in Role for fact in draw(role_facts(role, entry_into_force=start)))
    )
    events: tuple[Event, ...] = ()
    if draw(st.booleans()):
        events = (
            Event(
                kind=Anchor.END_OF_ACTIVE_HOSTILITIES,
                on=draw(dates(start, LATEST)),
                sources=draw(sources()),
            ),
        )
    extensions: tuple[Extension, ...] = ()
    if draw(st.booleans()):
        rule = EXTENSION_RULES[draw(st.sampled_from(sorted(EXTENSION_RULES)))]
        original = add(start, rule.deadline)
        extensions = (
            Extension(
                obligation=rule.obligation,
                until=add(original, Period(days=draw(st.integers(1, 365 * rule.longest.years)))),
                status=ExtensionStatus.GRANTED,
                sources=draw(sources()),
            ),
        )
    if draw(st.booleans()):  # a request, at a meeting of the built-in calendar or not
        rule = EXTENSION_RULES[draw(st.sampled_from(sorted(EXTENSION_RULES)))]
        extensions += (
            Extension(
                obligation=rule.obligation,
                status=ExtensionStatus.REQUESTED,
                until=draw(st.none() | dates(start, LATEST)),
                decided_at=draw(st.none() | st.sampled_from(("2MSP", "9MSP", "12MSP", "14MSP"))),
                sources=draw(sources()),
            ),
        )
    with_evidence = draw(st.booleans())
    if facts and with_evidence:
        first = facts[0]
        facts = (attrs.evolve(first, evidence=draw(st.lists(evidence(), max_size=2))), *facts[1:])
    signed = None
    if deposited is not None and draw(st.booleans()):
        signed = draw(dates(EARLIEST, deposited))
    withdrawal = draw(withdrawals(after=start)) if draw(st.booleans()) else None
    return StateParty(
        code,
        name,
        deposited=deposited,
        entry_into_force=given_entry,
        signed=signed,
        withdrawal=withdrawal,
        roles=roles_held,
        facts=facts,
        instrument=draw(st.none() | st.sampled_from(Instrument)),
        events=events,
        extensions=extensions,
        sources=draw(sources()),
        note=draw(st.text(_TEXT, max_size=20)),
    )


def addressees() -> st.SearchStrategy[Addressee]:
    """Addressee predicates, nested a few levels deep."""
    leaves: st.SearchStrategy[Addressee] = st.one_of(
        st.just(AllStates()), st.builds(HasRole, roles(), reported=st.booleans())
    )

    def nested(children: st.SearchStrategy[Addressee]) -> st.SearchStrategy[Addressee]:
        groups = st.lists(children, min_size=2, max_size=3).map(tuple)
        return st.one_of(
            groups.map(lambda members: AnyOf(members=members)),
            groups.map(lambda members: AllOf(members=members)),
            children.map(Not),
        )

    return st.recursive(leaves, nested, max_leaves=6)


@st.composite
def meetings(draw: st.DrawFn, *, key: str | None = None) -> Meeting:
    """Meetings lasting one to five days."""
    opens = draw(dates(EARLIEST, pendulum.Date(2035, 12, 31)))
    return Meeting(
        key=key or draw(st.text(string.ascii_uppercase + string.digits, min_size=2, max_size=6)),
        name=draw(_texts()),
        city=draw(st.text(_TEXT, max_size=20)),
        opens=opens,
        closes=pendulum.Date.fromordinal(opens.toordinal() + draw(st.integers(0, 4))),
        sources=draw(sources()),
    )


@st.composite
def calendars(draw: st.DrawFn, *, min_size: int = 0, max_size: int = 5) -> Calendar:
    """Meeting calendars with distinct keys."""
    keys = draw(
        st.lists(
            st.text(string.ascii_uppercase + string.digits, min_size=2, max_size=6),
            min_size=min_size,
            max_size=max_size,
            unique=True,
        )
    )
    return Calendar(tuple(draw(meetings(key=key)) for key in keys))


def timelines(meeting_keys: Sequence[str] = ()) -> st.SearchStrategy[Timeline]:
    """Deadline rules; `ByMeeting` only where *meeting_keys* gives meetings to refer to."""
    choices: list[st.SearchStrategy[Timeline]] = [
        st.builds(Within, periods(), st.sampled_from(Anchor)),
        st.builds(DuringYear, st.integers(2008, 2040)),
        st.builds(FromDate, dates()),
        st.builds(OnRoleStart, roles()),
        st.integers(1, 12).flatmap(
            lambda month: st.builds(
                Annually, st.just(month), st.integers(1, 30 if month != 2 else 28)
            )
        ),
        st.just(AsSoonAsPossible()),
        st.builds(AsSoonAsPossible, periods(), st.just("Article 7(1)")),
        st.just(Ongoing()),
    ]
    if meeting_keys:
        choices.append(st.builds(ByMeeting, st.sampled_from(list(meeting_keys))))
    return st.one_of(choices)


_NUMERALS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _hedges(words: str) -> st.SearchStrategy[Hedge]:
    return st.builds(Hedge, qualifier=st.sampled_from(Qualifier), words=st.just(words))


@st.composite
def plans(draw: st.DrawFn, *, max_actions: int = 6) -> Plan:
    """Small, valid plans of one to *max_actions* actions with their own calendar."""
    calendar = draw(calendars())
    key = draw(st.sampled_from(("VAP", "DAP", "LAP", "XAP")))
    adopted = draw(dates(EARLIEST, pendulum.Date(2030, 12, 31)))
    superseded = draw(st.none() | dates(adopted, LATEST))
    titles = {numeral: draw(_texts()) for numeral in _NUMERALS}
    numbers = sorted(draw(st.sets(st.integers(1, 99), min_size=1, max_size=max_actions)))
    meeting_keys = [meeting.key for meeting in calendar]
    actions = []
    for number in numbers:
        action_key = f"{key}-{number}"
        text = draw(_texts(max_size=80))
        step_count = draw(st.integers(1, 3))
        steps = tuple(
            Step(
                key=action_key if step_count == 1 else f"{action_key}.{index}",
                title=draw(_texts()),
                timeline=draw(timelines(meeting_keys)),
                phrase=draw(st.none() | st.just(text.strip())),
                hedges=draw(st.lists(_hedges(text.strip()), max_size=1)),
            )
            for index in range(1, step_count + 1)
        )
        numeral = draw(st.sampled_from(_NUMERALS))
        actions.append(
            Action(
                key=action_key,
                number=number,
                title=draw(_texts()),
                text=text,
                section=Section(number=numeral, title=titles[numeral]),
                subsection=draw(st.none() | _texts()),
                heading=draw(_texts()),
                addressee=draw(addressees()),
                modality=draw(st.sampled_from(Modality)),
                articles=draw(st.lists(st.sampled_from(("Art. 3", "Art. 4(1)", "Art. 7")))),
                steps=steps,
                adopted=adopted,
                superseded=superseded,
                meetings=calendar,
            )
        )
    return Plan(
        key=key,
        title=draw(_texts()),
        adopted=adopted,
        superseded=superseded,
        source=draw(st.text(_TEXT, max_size=40)),
        meetings=calendar,
        actions=tuple(actions),
    )


_PROGRESSING = (RecordStatus.MET, RecordStatus.STARTED, RecordStatus.IN_PROGRESS)


def records(
    *, states: Sequence[str] = ("LAO",), statuses: Sequence[RecordStatus] = tuple(RecordStatus)
) -> st.SearchStrategy[Record]:
    """Records for *states*, with any key, day, status and year covered (one begun by then)."""
    key = st.builds("{}-{}".format, st.sampled_from(("VAP", "CCM")), st.integers(1, 66).map(str))
    return dates().flatmap(
        lambda on: st.builds(
            Record,
            st.sampled_from(list(states)),
            key,
            on=st.just(on),
            source=_texts(max_size=10),
            covers=st.none() | st.integers(2008, on.year),
            status=st.sampled_from(list(statuses)),
        )
    )


@st.composite
def progress_for(
    draw: st.DrawFn,
    schedule: Schedule,
    *,
    statuses: Sequence[RecordStatus] = _PROGRESSING,
    max_size: int = 12,
) -> Progress:
    """
    Progress that fits *schedule*.

    Each record is of one of its items, dated on or after the State's entry into force.
    Withdrawals are left out unless *statuses* asks for them.
    """
    entry = {state.code: state.entry_into_force for state in schedule.states}
    if not schedule.items:
        return Progress()
    found = []
    for _ in range(draw(st.integers(0, max_size))):
        item = draw(st.sampled_from(schedule.items))
        covers = item.year - 1 if item.year is not None and draw(st.booleans()) else None
        earliest = entry[item.state]
        if covers is not None:  # a report covers a year that has begun
            earliest = max(earliest, pendulum.Date(covers, 1, 1))
        found.append(
            Record(
                item.state,
                item.key,
                on=draw(dates(earliest, max(earliest, LATEST))),
                source=draw(_texts(max_size=10)),
                covers=covers,
                status=draw(st.sampled_from(list(statuses))),
            )
        )
    return Progress(found)
