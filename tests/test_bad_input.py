"""
A catalogue of malformed input: each must raise a VapError with a telling message, and
nothing else may escape any loader.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import string
from datetime import date

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vap

LAO = vap.StateParty(
    "LAO",
    "Lao People's Democratic Republic",
    deposited=date(2009, 3, 18),
    facts=[
        vap.RoleFact(
            role=vap.Role.CONTAMINATED,
            value=vap.Truth.YES,
            sources=("MON2011",),
            evidence=[vap.Evidence(source="MON2011", as_of=date(2011, 8, 25), quote="Lao PDR")],
        )
    ],
)
STATE = json.loads(vap.dumps(LAO))
RECORD = {
    "state": "LAO",
    "key": "CCM-7.1",
    "on": "2011-01-27",
    "source": "UNODA",
    "covers": None,
    "status": "met",
    "note": "",
}


def state(**change):
    return json.dumps({**STATE, **change}, ensure_ascii=False)


def progress(*records):
    return json.dumps({"format": "vap.progress/1", "records": list(records)})


def fact(**change):
    return state(facts=[{**STATE["facts"][0], **change}])


CATALOGUE = [
    # JSON that is not JSON
    ("empty", b"", vap.StateParty, "the document is empty"),
    ("blank", b"  \n ", vap.StateParty, "the document is empty"),
    ("truncated", state()[:100].encode(), vap.StateParty, "invalid JSON"),
    ("not utf-8", b'{"format": "vap.state-party/1", "name": "\xe9"}', vap.StateParty, "not UTF-8"),
    ("latin-1 name", state(name="Genève").encode("latin-1"), vap.StateParty, "not UTF-8"),
    ("duplicate keys", b'{"format": "a", "format": "b"}', vap.StateParty, "appears twice"),
    ("deep arrays", b"[" * 5000 + b"]" * 5000, vap.StateParty, "nested deeper than"),
    ("deep objects", (b'{"a":' * 200) + b"1" + b"}" * 200, vap.StateParty, "nested deeper"),
    ("NaN", b'{"format": NaN}', vap.StateParty, "NaN is not a JSON value"),
    ("Infinity", b'{"format": Infinity}', vap.StateParty, "Infinity is not a JSON value"),
    ("huge float", b'{"format": 1e400}', vap.StateParty, "too large"),
    ("trailing comma", b'{"format": "vap.state-party/1",}', vap.StateParty, "invalid JSON"),
    ("array document", b"[1, 2]", vap.StateParty, "expected a JSON object"),
    ("string document", b'"LAO"', vap.StateParty, "expected a JSON object"),
    ("null document", b"null", vap.StateParty, "expected a JSON object"),
    # format lines
    (
        "no format",
        json.dumps({**STATE, "format": None}).encode(),
        vap.StateParty,
        "format is missing",
    ),
    (
        "wrong document",
        state(format="vap.plan/1").encode(),
        vap.StateParty,
        "format is 'vap.plan/1'",
    ),
    (
        "future version",
        state(format="vap.state-party/2").encode(),
        vap.StateParty,
        "expected 'vap.state-party/1'",
    ),
    # wrong types, no coercion
    (
        "number as code",
        state(code=418).encode(),
        vap.StateParty,
        "expected a string, got 418 @ $.code",
    ),
    (
        "lower-case code",
        state(code="lao").encode(),
        vap.StateParty,
        "StateParty.code must be an ISO",
    ),
    (
        "name missing",
        json.dumps({k: v for k, v in STATE.items() if k != "name"}).encode(),
        vap.StateParty,
        "required field missing @ $.name",
    ),
    ("unknown field", state(flag="🇱🇦").encode(), vap.StateParty, "unknown fields flag @ $"),
    (
        "facts as object",
        state(facts={}).encode(),
        vap.StateParty,
        "expected an array, got an object @ $.facts",
    ),
    (
        "facts as string",
        state(facts="yes").encode(),
        vap.StateParty,
        'expected an array, got "yes" @ $.facts',
    ),
    ("sources as string", state(sources="UNTC").encode(), vap.StateParty, "@ $.sources"),
    ("bool as string", fact(value=True).encode(), vap.StateParty, "unknown Truth true"),
    # impossible dates
    (
        "30 February",
        state(entry_into_force="2011-02-30").encode(),
        vap.StateParty,
        "invalid date '2011-02-30': no such day in the calendar @ $.entry_into_force",
    ),
    (
        "month 13",
        state(deposited="2009-13-18").encode(),
        vap.StateParty,
        "invalid date '2009-13-18'",
    ),
    (
        "date with time",
        state(deposited="2009-03-18T00:00:00").encode(),
        vap.StateParty,
        "expected YYYY-MM-DD",
    ),
    (
        "date as number",
        state(deposited=20090318).encode(),
        vap.StateParty,
        "expected a date as a string",
    ),
    ("short year", state(deposited="09-03-18").encode(), vap.StateParty, "expected YYYY-MM-DD"),
    (
        "EIF contradicting Article 17",
        state(entry_into_force="2010-09-01").encode(),
        vap.StateParty,
        "contradicts Article 17",
    ),
    # unknown enum values
    ("unknown role", fact(role="landmines").encode(), vap.StateParty, 'unknown Role "landmines"'),
    ("unknown truth", fact(value="maybe").encode(), vap.StateParty, 'unknown Truth "maybe"'),
    (
        "unknown instrument",
        state(instrument="signature").encode(),
        vap.StateParty,
        'unknown Instrument "signature"',
    ),
    (
        "fact ending before it starts",
        fact(since="2012-01-01", until="2011-01-01").encode(),
        vap.StateParty,
        "must be after RoleFact.since",
    ),
    # progress documents
    (
        "record year as text",
        progress({**RECORD, "covers": "2011"}).encode(),
        vap.Progress,
        'expected a whole number, got "2011" @ $.records[0].covers',
    ),
    (
        "record year huge",
        progress({**RECORD, "covers": 10**30}).encode(),
        vap.Progress,
        "Record.covers must be a year",
    ),
    (
        "record status",
        progress({**RECORD, "status": "done"}).encode(),
        vap.Progress,
        'unknown RecordStatus "done"',
    ),
    (
        "record without source",
        progress({**RECORD, "source": ""}).encode(),
        vap.Progress,
        "Record.source must be",
    ),
    (
        "record key",
        progress({**RECORD, "key": "CCM 7.1"}).encode(),
        vap.Progress,
        "Record.key must be",
    ),
    (
        "a year of 5,000 digits",
        progress({**RECORD, "key": "CCM-7.2", "covers": 2011}).replace("2011", "9" * 5000).encode(),
        vap.Progress,
        "invalid JSON: the number 99999999999999999999… is too large",
    ),
    (
        "records as null",
        b'{"format": "vap.progress/1", "records": null}',
        vap.Progress,
        "@ $.records",
    ),
    # plans
    (
        "period in digits",
        json.dumps(
            {
                "format": "vap.step/1",
                "key": "VAP-1",
                "title": "t",
                "phrase": None,
                "timeline": {"kind": "within", "period": 5, "anchor": "entry-into-force"},
            }
        ).encode(),
        vap.Step,
        "expected a period such as '1 year', got 5",
    ),
    (
        "timeline without kind",
        json.dumps(
            {
                "format": "vap.step/1",
                "key": "VAP-1",
                "title": "t",
                "phrase": None,
                "timeline": {"period": "1 year"},
            }
        ).encode(),
        vap.Step,
        "unknown timeline kind null",
    ),
    (
        "timeline as array",
        json.dumps(
            {"format": "vap.step/1", "key": "VAP-1", "title": "t", "phrase": None, "timeline": []}
        ).encode(),
        vap.Step,
        "expected timeline as an object",
    ),
    (
        "29 February yearly",
        json.dumps(
            {
                "format": "vap.step/1",
                "key": "VAP-1",
                "title": "t",
                "phrase": None,
                "timeline": {"kind": "annually", "month": 2, "day": 29},
            }
        ).encode(),
        vap.Step,
        "is not a day of month 2",
    ),
]


def test_the_catalogue_is_large_and_distinct():
    assert len(CATALOGUE) >= 40
    assert len({name for name, *_ in CATALOGUE}) == len(CATALOGUE)
    assert len({text for _, text, *_ in CATALOGUE}) == len(CATALOGUE)


@pytest.mark.parametrize(
    ("name", "text", "kind", "fragment"), CATALOGUE, ids=[c[0] for c in CATALOGUE]
)
def test_malformed_documents(name, text, kind, fragment):
    with pytest.raises(vap.FormatError) as raised:
        vap.loads(text, kind)
    assert fragment in str(raised.value), name


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        # An open quote would swallow the rows after it into one cell.
        ('LAO,CCM-7.1,2011-01-27,"x\nDEU,CCM-7.1,2011-01-27,y\n', "unexpected end of data"),
        ('LAO,CCM-7.1,2011-01-27,"x"y\n', "',' expected after '\"'"),
        ("LAO,CCM-7.2,2011-01-27,x,\u0662\u0660\u0661\u0660\n", "expected a year such as 2011"),
        ("LAO,CCM-7.2,2011-01-27,x," + "9" * 5000 + "\n", "expected a year such as 2011"),
    ],
)
def test_a_csv_table_is_read_strictly(tmp_path, table, fragment):
    path = tmp_path / "progress.csv"
    header = "state,key,on,source,covers\n" if table.count(",") == 4 else "state,key,on,source\n"
    path.write_text(header + table, encoding="utf-8")
    with pytest.raises(vap.FormatError, match="invalid progress table") as raised:
        vap.load_progress(path)
    assert fragment in str(raised.value)


def test_a_period_of_a_thousand_digits_is_refused():
    with pytest.raises(vap.ValidationError, match="invalid period"):
        vap.Period.parse("9" * 5000 + " days")


def test_nothing_is_loaded_when_anything_is_wrong(tmp_path):
    path = tmp_path / "progress.csv"
    path.write_text("state,key,on,source\nLAO,CCM-7.1,2011-01-27,UNODA\nLAO,CCM-7.2,2011-02-30,x\n")
    with pytest.raises(vap.FormatError):
        vap.Progress.from_csv(path)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
field_names = st.sampled_from(
    [
        "code",
        "name",
        "facts",
        "role",
        "value",
        "since",
        "until",
        "records",
        "state",
        "key",
        "on",
        "source",
        "covers",
        "actions",
        "number",
        "timeline",
        "kind",
        "period",
        "meetings",
        "items",
    ]
)
near_documents = st.builds(
    lambda name, fields: {"format": name, **fields},
    st.sampled_from([f"vap.{n}/1" for n in vap.serialization.DOCUMENTS.values()]),
    st.dictionaries(field_names, json_values, max_size=6),
)


@settings(max_examples=200)
@given(
    st.one_of(json_values, near_documents),
    st.sampled_from(sorted(vap.serialization.DOCUMENTS, key=str)),
)
def test_arbitrary_json_gives_a_value_or_a_vap_error(document, kind):
    text = json.dumps(document)
    with contextlib.suppress(vap.VapError):
        vap.loads(text, kind)


@settings(max_examples=100)
@given(st.one_of(json_values, near_documents))
def test_arbitrary_json_to_every_file_loader(document):
    text = json.dumps(document)
    for load in (vap.load_plan, vap.load_states, vap.load_obligations, vap.Progress.from_json):
        with contextlib.suppress(vap.VapError):
            load(io.StringIO(text))


@settings(max_examples=100)
@given(st.text(string.printable, max_size=200))
def test_arbitrary_text_to_every_csv_loader(text):
    for load in (vap.load_meetings, vap.load_states_csv, vap.Progress.from_csv):
        with contextlib.suppress(vap.VapError):
            load(io.StringIO(text))


@settings(max_examples=100)
@given(st.binary(max_size=200))
def test_arbitrary_bytes(data):
    with contextlib.suppress(vap.VapError):
        vap.loads(data, vap.Schedule)


def test_assess_refuses_records_outside_the_schedule():
    schedule = vap.schedule(LAO)
    with pytest.raises(vap.ValidationError):
        vap.assess(
            schedule,
            vap.Progress([vap.Record("LAO", "VAP-99", on=date(2012, 1, 1), source="x")]),
            as_of=date(2012, 1, 1),
        )


def _indicator(**change):
    everyone = dict.fromkeys(vap.Status, ())
    fields = {
        "key": "CCM-7.1",
        "title": "Initial report",
        "year": None,
        "as_of": date(2012, 1, 1),
        "states": {**everyone, vap.Status.MET_ON_TIME: ("LAO",)},
        "numerator": 1,
        "denominator": 1,
    }
    return vap.Indicator(**{**fields, **change})


def _change(**change):
    fields = {
        "uid": "LAO/CCM-7.1",
        "key": "CCM-7.1",
        "state": "LAO",
        "before": vap.Status.DUE_SOON,
        "after": vap.Status.OVERDUE,
    }
    return vap.Change(**{**fields, **change})


def _closed():
    file = io.StringIO("{}")
    file.close()
    return file


_MOMENT = datetime.datetime(2012, 1, 1, 12, 0)  # which day it is depends on a time zone
SCHEDULE = vap.schedule(LAO, until=date(2012, 12, 31))
ASSESSMENT = vap.assess(
    SCHEDULE,
    vap.Progress([vap.Record("LAO", "CCM-7.1", on=date(2011, 1, 27), source="UNODA")]),
    as_of=date(2012, 1, 1),
)
MET = next(row for row in ASSESSMENT if row.status is vap.Status.MET_ON_TIME)
OWED = next(row for row in ASSESSMENT if row.item.applies is vap.Truth.YES and row.record is None)
FIRST = SCHEDULE.items[0]
DATED = next(item for item in SCHEDULE if item.due is not None)


CONSTRUCTORS = [
    ("met without a record", lambda: attrs.evolve(MET, record=None), "needs a record that says"),
    (
        "a record of another item",
        lambda: attrs.evolve(MET, record=attrs.evolve(MET.record, key="CCM-7.2", covers=2011)),
        "not of the item",
    ),
    (
        "not applicable yet owed",
        lambda: attrs.evolve(OWED, status=vap.Status.NOT_APPLICABLE),
        "status not-applicable for an item that applies: yes",
    ),
    (
        "unknown yet owed",
        lambda: attrs.evolve(OWED, status=vap.Status.UNKNOWN),
        "status unknown for an item that applies: yes",
    ),
    (
        "due soon negative",
        lambda: attrs.evolve(ASSESSMENT, due_soon=-1),
        "must be 0 or more, not -1",
    ),
    ("a year for a one-off item", lambda: attrs.evolve(FIRST, year=2011), "must be None for"),
    (
        "due before it opens",
        lambda: attrs.evolve(DATED, opens=DATED.due.add(days=1)),
        "is before ScheduleItem.opens",
    ),
    (
        "a schedule of other things",
        lambda: attrs.evolve(SCHEDULE, items=[MET]),
        "ScheduleItem values",
    ),
    (
        "sources not a list",
        lambda: vap.RoleFact(role=vap.Role.VICTIMS, value=vap.Truth.YES, sources=5),
        "sources",
    ),
    (
        "facts a string",
        lambda: vap.StateParty("XYZ", "X", deposited=date(2011, 1, 1), facts="x"),
        "facts",
    ),
    (
        "facts a number",
        lambda: vap.StateParty("XYZ", "X", deposited=date(2011, 1, 1), facts=5),
        "facts",
    ),
    ("indent negative", lambda: vap.dumps(LAO, indent=-1), "indent must be None or a whole number"),
    ("indent a float", lambda: vap.dumps(LAO, indent=2.0), "not 2.0"),
    ("indicator missing a status", lambda: _indicator(states={}), "every Status"),
    ("numerator over denominator", lambda: _indicator(numerator=2), "from 0 to the denominator 1"),
    (
        "numerator over met",
        lambda: _indicator(states=dict.fromkeys(vap.Status, ())),
        "exceeds the 0",
    ),
    ("no change", lambda: _change(after=vap.Status.DUE_SOON), "as before: nothing changed"),
    (
        "a report of a year to come",
        lambda: vap.Record("LAO", "CCM-7.2", on=date(2011, 1, 20), source="x", covers=2012),
        r"Record.covers 2012 is after the year of Record.on \(2011-01-20\)",
    ),
    # Filters refuse what cannot name a State, a key or a status, rather than find nothing.
    ("a status by name", lambda: ASSESSMENT.with_status("overdue"), "takes Status values"),
    ("a State in lower case", lambda: ASSESSMENT.for_state("lao"), "takes an ISO 3166-1"),
    ("a State object", lambda: ASSESSMENT.for_state(LAO), "not StateParty"),
    ("a key in lower case", lambda: ASSESSMENT.for_key("vap-21"), "takes a key such as"),
    ("a key of no kind", lambda: vap.reports().for_key(None), "Progress.for_key"),
    ("records of no State", lambda: vap.reports().for_state("lao"), "Progress.for_state"),
    ("a State not scheduled", lambda: SCHEDULE.for_state("DEU"), "the schedule has no State 'DEU'"),
    ("a key no rule has", lambda: SCHEDULE.for_key("CCM-9.9"), "unknown key 'CCM-9.9'"),
    # A code where a State is wanted, or another type where a rule set is.
    (
        "applies to a code",
        lambda: vap.vientiane_action_plan()["VAP-8"].applies_to("LAO", on=date(2012, 1, 1)),
        r"applies_to\(\) takes a StateParty .* not 'LAO'",
    ),
    (
        "a policy of no kind",
        lambda: vap.convention_obligations()["CCM-7.1"].applies_to(
            LAO, on=date(2012, 1, 1), policy="x"
        ),
        "takes a SchedulePolicy as policy, not 'x'",
    ),
    ("a schedule of a code", lambda: vap.schedule("LAO"), r"not the code 'LAO'"),
    ("a schedule of nothing", lambda: vap.schedule(None), "an iterable of them"),
    ("a plan of no kind", lambda: vap.schedule(LAO, plan="x"), "plan must be a Plan, not 'x'"),
    (
        "obligations of no kind",
        lambda: vap.schedule(LAO, obligations=5),
        "obligations must be an ObligationSet, not 5",
    ),
    ("meetings of no kind", lambda: vap.schedule(LAO, meetings=[]), "meetings must be a Calendar"),
    # A State's questions take what its answers can rest on.
    ("a fact of no role", lambda: LAO.fact("garbage", on=date(2012, 1, 1)), "unknown role"),
    ("a role on a moment", lambda: LAO.role("victims", on=_MOMENT), "on must be a date"),
    ("a role in 9999", lambda: LAO.role("victims", on=date(9999, 1, 1)), "out of range"),
    ("a deadline of no kind", lambda: LAO.extended_deadline("XXX"), "unknown extendable"),
    # Every public call refuses a value of the wrong kind with a VapError, naming it.
    ("a filter of nothing", lambda: SCHEDULE.filter(None), "filter\\(\\) takes a function"),
    ("rows kept by nothing", lambda: ASSESSMENT.filter(5), "function of a row, not 5"),
    ("CSV to a number", lambda: SCHEDULE.to_csv(123), "a path or an open text file, not 123"),
    ("CSV to bytes", lambda: ASSESSMENT.to_csv(io.BytesIO()), "an open text file"),
    ("CSV to no path", lambda: SCHEDULE.to_csv(""), "not an empty one"),
    ("a document of no kind", lambda: vap.loads("{}", None), "no JSON document for None"),
    ("a schema by name", lambda: vap.json_schema("Schedule"), "no JSON document for 'Schedule'"),
    ("a period in words", lambda: vap.add(date(2011, 1, 1), "1 month"), "add\\(\\) takes a Period"),
    (
        "a rounding in words",
        lambda: vap.subtract(date(2011, 1, 1), vap.Period(months=1), month_end="down"),
        "month_end must be a MonthEnd",
    ),
    ("a meeting by key", lambda: vap.extension_request_deadline("9MSP"), "takes a Meeting"),
    ("meetings between words", lambda: vap.meetings().between("2010", "2012"), "start must be"),
    ("a plan in force on words", lambda: vap.vientiane_action_plan().in_force_on("x"), "day must"),
    ("records of nothing", lambda: vap.Progress(None), "Progress.records must be"),
    ("a calendar of nothing", lambda: vap.Calendar(None), "Calendar.meetings must be"),
    ("a group of nothing", lambda: vap.AnyOf(None), "AnyOf.members must hold two or more"),
    ("facts of nothing", lambda: vap.read_facts(None), "read_facts takes Observation values"),
    (
        "an extension in words",
        lambda: vap.StateParty("XYZ", "X", deposited=date(2011, 1, 1), extensions=["x"]),
        "extensions must be a sequence of Extension values",
    ),
    (
        "an event of nothing",
        lambda: vap.StateParty("XYZ", "X", deposited=date(2011, 1, 1), events=[None]),
        "events must be a sequence of Event values",
    ),
    ("a fact on words", lambda: LAO.facts[0].covers("x"), "on must be a date"),
    ("a fact beside nothing", lambda: LAO.facts[0].overlaps(None), "takes a RoleFact"),
    ("a source of no key", lambda: vap.sources()["x"], "unknown key 'x'"),
    ("a notice in words", lambda: vap.Withdrawal(notified="2012-01-01"), "Withdrawal.notified"),
    ("a converter of no kind", lambda: vap.dumps(LAO, conv="x"), "conv must be a cattrs converter"),
    ("a stamp in words", lambda: SCHEDULE.to_ical(stamp="x"), "stamp must be a datetime"),
    ("changes since nothing", lambda: ASSESSMENT.changes_since(None), "takes an Assessment"),
    (
        "a closed file",
        lambda: vap.load_progress(_closed(), format="json"),
        "cannot read the open file: I/O operation on closed file",
    ),
    ("a path with NUL", lambda: vap.load_progress("a\x00.json"), "cannot hold a NUL character"),
    ("a plot of no States", lambda: vap.schedule([]).plot(), "the schedule holds no States"),
    ("a plot undated in words", lambda: SCHEDULE.plot(include_undated="x"), "True or False"),
    ("a plot of another assessment", lambda: SCHEDULE.plot(assessment="x"), "an Assessment"),
    (
        "a plot of another State's assessment",
        lambda: SCHEDULE.plot(
            assessment=vap.assess(
                vap.schedule(vap.states_parties()["DEU"], until=date(2012, 12, 31)),
                vap.Progress(),
                as_of=date(2012, 1, 1),
            )
        ),
        "has no row for LAO/",
    ),
    (
        "a calendar without the plan's meetings",
        lambda: vap.schedule(LAO, meetings=vap.Calendar([])),
        "the meeting calendar has no meetings",
    ),
]


@pytest.mark.parametrize(
    ("make", "fragment"), [c[1:] for c in CONSTRUCTORS], ids=[c[0] for c in CONSTRUCTORS]
)
def test_values_refuse_what_they_cannot_hold(make, fragment):
    with pytest.raises(vap.VapError, match=fragment):
        make()
