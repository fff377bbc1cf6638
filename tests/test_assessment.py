"""Monitoring, worked by hand: two States, a few records, assessed on two days."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

import vap
from vap import Record, RecordStatus, Role, StateParty, Status

A = StateParty(
    "AAA", "Aland", deposited=date(2009, 1, 1), roles={Role.VICTIMS}
)  # in force 2010-08-01
B = StateParty("BBB", "Bland", deposited=date(2011, 3, 14), roles={Role.STOCKPILES})  # 2011-09-01
SCHEDULE = vap.schedule([A, B], until=date(2013, 12, 31))
PROGRESS = vap.Progress(
    [
        Record("AAA", "CCM-7.1", on=date(2011, 1, 20), source="UNODA"),
        Record("AAA", "VAP-21.1", on=date(2011, 3, 1), source="ISU"),
        Record("AAA", "CCM-7.2", on=date(2011, 4, 30), source="UNODA"),
        Record("BBB", "CCM-7.1", on=date(2012, 3, 15), source="UNODA"),
        Record("BBB", "VAP-8.1", on=date(2012, 1, 10), source="ISU", status=RecordStatus.STARTED),
    ]
)
NEW_YEAR = vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 1, 1))
AUTUMN = vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 10, 1))


def status(assessment, uid):
    (row,) = [row for row in assessment if row.uid == uid]
    return row.status


@pytest.mark.parametrize(
    ("uid", "on_new_year", "in_autumn"),
    [
        ("AAA/CCM-7.1", Status.MET_ON_TIME, Status.MET_ON_TIME),  # 20 Jan, due 28 Jan 2011
        ("AAA/VAP-21.1", Status.MET_LATE, Status.MET_LATE),  # 1 Mar, due 1 Feb 2011
        ("AAA/CCM-7.2/2012", Status.NOT_DUE, Status.OVERDUE),  # the first, due 30 Apr 2012
        ("AAA/VAP-3", Status.OVERDUE, Status.OVERDUE),  # due 13 Sep 2011
        ("AAA/VAP-8.1", Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),  # no stockpiles
        ("AAA/VAP-1", Status.NO_FIXED_DATE, Status.NO_FIXED_DATE),
        ("BBB/CCM-7.1", Status.DUE_SOON, Status.MET_LATE),  # due 28 Feb 2012; met 15 Mar
        ("BBB/VAP-8.1", Status.NOT_DUE, Status.OVERDUE),  # due 1 Sep 2012; only started
        ("BBB/VAP-3", Status.OVERDUE, Status.OVERDUE),  # in force 1 Sep 2011, due 13 Sep
        ("BBB/VAP-21.1", Status.NOT_APPLICABLE, Status.NOT_APPLICABLE),  # no victims
        ("BBB/CCM-7.2/2013", Status.NOT_DUE, Status.NOT_DUE),  # initial due 2012: first 2013
    ],
)
def test_statuses_on_two_days(uid, on_new_year, in_autumn):
    assert status(NEW_YEAR, uid) is on_new_year
    assert status(AUTUMN, uid) is in_autumn


def test_in_progress_until_due():
    june = vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 6, 1))
    (row,) = june.for_state("BBB").for_key("VAP-8.1")
    assert row.status is Status.IN_PROGRESS
    assert row.record.status is RecordStatus.STARTED
    assert row.reason == "started on 2012-01-10 (ISU); due 2012-09-01"


def test_reasons_and_records():
    (row,) = NEW_YEAR.for_state("AAA").for_key("VAP-21.1")
    assert row.reason == "met on 2011-03-01, 28 days after the due date 2011-02-01 (ISU)"
    assert row.record == Record("AAA", "VAP-21.1", on=date(2011, 3, 1), source="ISU")
    assert (row.key, row.state, row.due) == ("VAP-21.1", "AAA", date(2011, 2, 1))
    explained = row.explain()
    assert "rule: within 6 months of entry into force; opens 2010-11-12, due 2011-02-01" in (
        explained
    )
    assert "with cluster munition victims: yes, by a fact that holds throughout" in explained
    assert "record: AAA VAP-21.1: met on 2011-03-01 (ISU)" in explained
    (soon,) = NEW_YEAR.for_state("BBB").for_key("CCM-7.1")
    assert soon.reason == "due 2012-02-28, in 58 days"


def test_indicators():
    (initial,) = [i for i in AUTUMN.indicators() if i.key == "CCM-7.1"]
    assert (initial.numerator, initial.denominator) == (1, 2)
    assert initial.states[Status.MET_ON_TIME] == ("AAA",)
    assert initial.states[Status.MET_LATE] == ("BBB",)
    assert initial.share == 0.5
    assert str(initial) == (
        "CCM-7.1 Submit the initial transparency report: met on time by 1 of 2 States Parties"
        " due by 2012-10-01"
    )
    (reports,) = [i for i in AUTUMN.indicators() if i.key == "CCM-7.2" and i.year == 2013]
    assert (reports.numerator, reports.denominator, reports.share) == (0, 0, None)
    assert str(reports).startswith("CCM-7.2 (2013)")


def test_state_summaries():
    summaries = {summary.state: summary for summary in AUTUMN.by_state()}
    aland = summaries["AAA"]
    assert aland.sections["VI. Victim assistance"][Status.MET_LATE] == 1
    assert sum(aland.totals.values()) == len(AUTUMN.for_state("AAA"))
    assert "AAA as of 2012-10-01" in str(aland)


def test_changes_between_two_days():
    changes = AUTUMN.changes_since(NEW_YEAR)
    by_uid = {change.uid: change for change in changes}
    assert by_uid["BBB/CCM-7.1"].became_met
    assert by_uid["AAA/CCM-7.2/2012"].became_overdue
    assert not by_uid["AAA/CCM-7.2/2012"].became_met
    assert "AAA/VAP-21.1" not in by_uid
    assert str(by_uid["BBB/CCM-7.1"]) == "BBB/CCM-7.1: due-soon -> met-late"


def test_assessment_api():
    assert len(NEW_YEAR) == len(SCHEDULE)
    assert NEW_YEAR[0].item == SCHEDULE[0]
    assert len(NEW_YEAR[:5]) == 5
    assert sum(NEW_YEAR.counts().values()) == len(SCHEDULE)
    assert NEW_YEAR.with_status(Status.MET_LATE)[0].uid == "AAA/VAP-21.1"
    assert str(NEW_YEAR).startswith("Assessment as of 2012-01-01 of ")
    assert "vap-overdue" in NEW_YEAR._repr_html_()
    # A report dated 30 April 2011 covers 2010, which no yearly item of AAA covers.
    assert [record.on for record in NEW_YEAR.unmatched] == [date(2011, 4, 30)]


def test_yearly_records_meet_the_year_they_cover():
    progress = vap.Progress(
        [
            Record("AAA", "CCM-7.2", on=date(2012, 4, 2), source="2012 report"),  # covers 2011
            Record("AAA", "CCM-7.2", on=date(2013, 4, 1), source="2013 report"),  # covers 2012
            Record("AAA", "CCM-7.2", on=date(2013, 4, 2), covers=2012, source="duplicate"),
            Record("AAA", "CCM-7.2", on=date(2014, 6, 1), covers=2013, source="late 2014"),
        ]
    )
    assessment = vap.assess(SCHEDULE, progress, as_of=date(2013, 12, 31))
    reports = {row.item.year: row for row in assessment.for_state("AAA").for_key("CCM-7.2")}
    assert reports[2012].status is Status.MET_ON_TIME
    assert reports[2012].record.source == "2012 report"
    assert reports[2013].status is Status.MET_ON_TIME
    assert [record.source for record in assessment.unmatched] == ["duplicate"]
    assert Record("AAA", "CCM-7.2", on=date(2014, 6, 1), source="x").year_covered == 2013


def test_withdrawn_records_are_taken_back():
    progress = vap.Progress(
        [
            Record("AAA", "CCM-7.1", on=date(2011, 1, 20), source="UNODA"),
            Record(
                "AAA", "CCM-7.1", on=date(2011, 6, 1), source="ISU", status=RecordStatus.WITHDRAWN
            ),
        ]
    )
    before = vap.assess(SCHEDULE, progress, as_of=date(2011, 5, 1)).for_key("CCM-7.1")
    after = vap.assess(SCHEDULE, progress, as_of=date(2011, 7, 1)).for_key("CCM-7.1")
    assert before.for_state("AAA")[0].status is Status.MET_ON_TIME
    assert after.for_state("AAA")[0].status is Status.OVERDUE
    nothing = vap.Progress(
        [Record("AAA", "CCM-7.1", on=date(2011, 6, 1), source="x", status=RecordStatus.WITHDRAWN)]
    )
    assert [r.source for r in vap.assess(SCHEDULE, nothing, as_of=date(2012, 1, 1)).unmatched] == [
        "x"
    ]


def test_records_after_as_of_are_not_yet_known():
    early = vap.assess(SCHEDULE, PROGRESS, as_of=date(2011, 1, 19))
    (row,) = early.for_state("AAA").for_key("CCM-7.1")
    assert row.status is Status.DUE_SOON
    assert row.record is None


def test_unknown_applicability():
    unknown = StateParty("LAO", "Lao PDR", deposited=date(2009, 3, 18))
    schedule = vap.schedule(unknown)
    progress = vap.Progress([Record("LAO", "VAP-9", on=date(2012, 1, 1), source="x")])
    assessment = vap.assess(schedule, progress, as_of=date(2013, 1, 1))
    (eight,) = assessment.for_key("VAP-8.1")
    assert eight.status is Status.UNKNOWN
    assert "with cluster munition stockpiles: unknown, no fact covers that day" in eight.reason
    (nine,) = assessment.for_key("VAP-9")
    assert nine.status is Status.MET_ON_TIME
    assert nine.reason.endswith("whether it applies is unknown")


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        (
            Record("AAA", "VAP-99", on=date(2012, 1, 1), source="x"),
            "the schedule has no item VAP-99",
        ),
        (
            Record("CCC", "VAP-1", on=date(2012, 1, 1), source="x"),
            "the State CCC is not in the schedule",
        ),
        (
            Record("AAA", "VAP-1", on=date(2008, 12, 31), source="x"),
            "dated before AAA joined the Convention on 2009-01-01",
        ),
        (
            Record("AAA", "VAP-8", on=date(2012, 1, 1), source="x"),
            "record one of its steps, VAP-8.1, VAP-8.2",
        ),
        (
            Record("AAA", "VAP-21.1", on=date(2012, 1, 1), source="x", covers=2011),
            "VAP-21.1 is not yearly, so the record covers no particular year",
        ),
    ],
)
def test_records_that_do_not_fit_the_schedule(record, fragment):
    with pytest.raises(
        vap.ValidationError, match="the progress does not fit the schedule"
    ) as raised:
        vap.assess(SCHEDULE, vap.Progress([record]), as_of=date(2013, 1, 1))
    assert fragment in str(raised.value)


def test_records_of_other_states_say_how_to_keep_the_schedules_own():
    lao = vap.schedule(vap.states_parties()["LAO"], until=date(2013, 1, 1))
    with pytest.raises(vap.ValidationError, match=r"for_state\(code\) for one\)") as raised:
        vap.assess(lao, vap.reports(), as_of=date(2013, 1, 1))
    others = sum(record.state != "LAO" for record in vap.reports())
    assert f"({others} records of States it does not hold" in str(raised.value)
    assert vap.assess(lao, vap.reports().for_state("LAO"), as_of=date(2013, 1, 1))


def test_due_soon_must_be_a_period():
    with pytest.raises(vap.ValidationError, match="due_soon must be a timedelta"):
        vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 1, 1), due_soon=90)  # type: ignore[arg-type]
    wide = vap.assess(SCHEDULE, PROGRESS, as_of=date(2012, 1, 1), due_soon=timedelta(days=200))
    assert status(wide, "AAA/CCM-7.2/2012") is Status.DUE_SOON


def test_progress_collections():
    assert vap.Progress(reversed(PROGRESS)) == PROGRESS
    assert len(PROGRESS) == 5
    assert isinstance(PROGRESS[:2], vap.Progress)
    more = PROGRESS + [Record("AAA", "VAP-1", on=date(2012, 1, 1), source="x")]  # noqa: RUF005
    assert len(more) == 6
    assert str(PROGRESS[0]) == "AAA CCM-7.1: met on 2011-01-20 (UNODA)"
    assert str(Record("AAA", "CCM-7.2", on=date(2012, 1, 1), source="s", covers=2011)) == (
        "AAA CCM-7.2 (covering 2011): met on 2012-01-01 (s)"
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Record("aaa", "VAP-1", on=date(2012, 1, 1), source="x"), "Record.state must be"),
        (lambda: Record("AAA", "VAP 1", on=date(2012, 1, 1), source="x"), "Record.key must be"),
        (lambda: Record("AAA", "VAP-1", on="2012-01-01", source="x"), "Record.on must be a date"),
        (lambda: Record("AAA", "VAP-1", on=date(2012, 1, 1), source=""), "Record.source must be"),
        (
            lambda: Record("AAA", "VAP-1", on=date(2012, 1, 1), source="x", covers="2012"),
            "Record.covers must be a year",
        ),
        (lambda: vap.Progress(["x"]), "Progress.records must be a sequence of Record values"),
    ],
)
def test_invalid_records(build, message):
    with pytest.raises(vap.ValidationError, match=message):
        build()


def test_progress_from_csv():
    table = (
        "state,key,on,source,covers,status,note\n"
        "AAA,CCM-7.1,2011-01-20,UNODA,,,\n"
        "AAA,CCM-7.2,2012-04-01,UNODA,2011,met,\n"
        "BBB,VAP-8.1,2012-01-10,ISU,,started,plan drafted\n"
    )
    progress = vap.Progress.from_csv(io.StringIO(table))
    assert len(progress) == 3
    assert progress[1].covers == 2011
    assert progress[2].note == "plan drafted"


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ("state,key,on,source\nAAA,CCM-7.1,2011-13-01,x\n", "line 2, column 'on': invalid date"),
        (
            "state,key,on,source,covers\nAAA,CCM-7.2,2011-01-01,x,last\n",
            "expected a year such as 2011",
        ),
        ("state,key,on,source,status\nAAA,CCM-7.2,2011-01-01,x,done\n", "unknown status 'done'"),
        ("state,key,on,source\naaa,CCM-7.2,2011-01-01,x\n", "line 2: Record.state must be"),
        ("state,key,on\nAAA,CCM-7.2,2011-01-01\n", "missing columns 'source'"),
    ],
)
def test_bad_progress_tables(table, fragment):
    with pytest.raises(vap.FormatError, match="invalid progress table") as raised:
        vap.Progress.from_csv(io.StringIO(table))
    assert fragment in str(raised.value)


def test_progress_from_json(tmp_path):
    path = tmp_path / "progress.json"
    path.write_text(
        '{"format": "vap.progress/1", "records": [{"state": "AAA", "key": "CCM-7.1",'
        ' "on": "2011-01-20", "source": "UNODA", "covers": null, "status": "met", "note": ""}]}',
        encoding="utf-8",
    )
    assert vap.Progress.from_json(path) == vap.Progress(PROGRESS[:1])
    path.write_text('{"format": "vap.progress/1", "records": [{"state": "AAA"}]}', encoding="utf-8")
    with pytest.raises(vap.FormatError, match=r"required field missing @ \$.records\[0\].key"):
        vap.Progress.from_json(path)


def test_progress_for_one_state():
    assert [record.state for record in PROGRESS.for_state("BBB")] == ["BBB", "BBB"]
    assert not PROGRESS.for_state("CCC")


def test_progress_for_one_key():
    assert [record.state for record in PROGRESS.for_key("CCM-7.1")] == ["AAA", "BBB"]
    assert [record.key for record in PROGRESS.for_key("VAP-21")] == ["VAP-21.1"]
    assert [record.key for record in PROGRESS.for_key("VAP-21.1")] == ["VAP-21.1"]
    assert not PROGRESS.for_key("CCM-7")  # an obligation is not the parent of another
    assert not PROGRESS.for_key("VAP-2")  # nor one action of another that starts alike
