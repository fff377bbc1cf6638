from __future__ import annotations

import json
from datetime import date

import pytest

import vap
from vap.formats.converter import converter

STATES = "code,name,deposited,instrument,entry_into_force,sources,note\n"
FACTS = "state,role,value,since,until,sources,as_of,quote,note\n"
EVIDENCE = "state,role,value,on,kind,precision,source,quote,note\n"
LISTS = "list,role,value,as_of,scope,complete,members,unclear,source,quote,note\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_states_with_facts_extensions_and_events(tmp_path):
    registry = vap.load_states_csv(
        write(tmp_path, "states.csv", STATES + "XYZ,Xyzland,2011-03-14,accession,,A;B,\n"),
        facts=write(
            tmp_path,
            "facts.csv",
            FACTS
            + "XYZ,stockpiles,yes,,2013-01-01,C,2012-06-01,holds stocks,destroyed\n"
            + "XYZ,victims,no,,,G,2012-06-01,no victims,\n",
        ),
        extensions=write(
            tmp_path,
            "extensions.csv",
            "state,obligation,status,until,requested,decided_at,sources,quote,note\n"
            "XYZ,CCM-3.2,granted,2021-01-01,2018-11-01,9MSP,D,granted,\n",
        ),
        events=write(
            tmp_path,
            "events.csv",
            "state,kind,on,sources,note\nXYZ,end-of-active-hostilities,2014-01-01,E,\n",
        ),
    )
    xyz = registry["XYZ"]
    assert xyz.instrument is vap.Instrument.ACCESSION
    assert xyz.entry_into_force == date(2011, 9, 1)
    assert xyz.role(vap.Role.STOCKPILES, on=date(2012, 1, 1)) is vap.Truth.YES
    assert xyz.role(vap.Role.STOCKPILES, on=date(2013, 1, 1)) is vap.Truth.UNKNOWN
    assert xyz.facts[0].evidence == (
        vap.Evidence(source="C", as_of=date(2012, 6, 1), quote="holds stocks"),
    )
    assert xyz.extended_deadline("CCM-3.2") == date(2021, 1, 1)
    assert xyz.extensions[0].decided_at == "9MSP"
    assert xyz.events[0].on == date(2014, 1, 1)
    assert xyz.sources == ("A", "B")


def test_evidence_and_lists_are_read_into_facts(tmp_path):
    registry = vap.load_states_csv(
        write(
            tmp_path,
            "states.csv",
            STATES + "XYZ,X,2009-01-01,,,A,\nABC,A,2009-01-01,,,A,\nLAT,L,2014-01-01,,,A,\n",
        ),
        evidence=write(
            tmp_path,
            "evidence.csv",
            EVIDENCE
            + "XYZ,stockpiles,yes,2011-08-01,as-of,,M11,X holds stocks,\n"
            + "XYZ,stockpiles,no,2013-07-01,from,month,ISU,X completed destruction in July,\n",
        ),
        lists=write(
            tmp_path,
            "lists.csv",
            LISTS
            + "M12,contaminated,yes,2012-08-01,states-parties,yes,XYZ,,M12,contaminated: X,\n"
            + "M16,contaminated,yes,2016-08-01,states-parties,yes,XYZ,,M16,contaminated: X,\n",
        ),
    )
    xyz, abc, late = registry["XYZ"], registry["ABC"], registry["LAT"]
    stockpiles = vap.Role.STOCKPILES
    assert xyz.role(stockpiles, on=date(2011, 1, 1)) is vap.Truth.UNKNOWN  # before any source
    assert xyz.role(stockpiles, on=date(2013, 6, 30)) is vap.Truth.YES
    assert xyz.role(stockpiles, on=date(2013, 7, 15)) is vap.Truth.UNKNOWN  # some day in July
    assert xyz.role(stockpiles, on=date(2020, 1, 1)) is vap.Truth.NO
    contaminated = vap.Role.CONTAMINATED
    assert xyz.role(contaminated, on=date(2014, 1, 1)) is vap.Truth.YES  # both lists: between
    assert abc.role(contaminated, on=date(2014, 1, 1)) is vap.Truth.NO  # off both lists
    # Not yet a State Party on the first list's day: it speaks of LAT only from the second.
    assert late.role(contaminated, on=date(2014, 8, 1)) is vap.Truth.UNKNOWN
    assert late.role(contaminated, on=date(2016, 8, 1)) is vap.Truth.NO
    (fact,) = [f for f in abc.facts if f.role is contaminated]
    assert [e.source for e in fact.evidence] == ["M12", "M16"]


def test_a_withdrawal_and_signatories(tmp_path):
    registry = vap.load_states_csv(
        write(
            tmp_path,
            "states.csv",
            "code,name,deposited,withdrawal_notified,sources\nXYZ,X,2011-03-24,2024-09-06,A\n",
        )
    )
    assert registry["XYZ"].withdrawal == vap.Withdrawal(notified=date(2024, 9, 6), sources=("A",))
    signatories = vap.load_signatories(
        write(tmp_path, "s.csv", "code,name,signed\nAGO,Angola,2008-12-03\n")
    )
    assert signatories["AGO"].signed == date(2008, 12, 3)


@pytest.mark.parametrize(
    ("tables", "fragments"),
    [
        (
            {"states": STATES + "XYZ,X,2011-02-30,ratification,,,\n"},
            ["States Parties table", "line 2, column 'deposited': invalid date '2011-02-30'"],
        ),
        (
            {"states": STATES + "XYZ,X,2011-01-01,signature,,,\n"},
            ["line 2, column 'instrument': unknown instrument 'signature': expected one of"],
        ),
        ({"states": STATES + "XYZ,X,,,,,\n"}, ["line 2: StateParty 'XYZ' needs a deposit date"]),
        (
            {"states": STATES + "XYZ,X,2011-01-01,,,,\nXYZ,Y,2011-01-01,,,,\n"},
            ["States Parties table, line 3: the State XYZ is already on line 2"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "facts": FACTS + "ABC,victims,yes,,,S,2012-01-01,q,\n",
            },
            ["role facts table, line 2, column 'state': unknown State Party 'ABC'"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "facts": FACTS
                + "XYZ,landmines,yes,,,S,2012-01-01,q,\nXYZ,victims,unknown,,,S,2012-01-01,q,\n",
            },
            [
                "line 2, column 'role': unknown role 'landmines'",
                "line 3, column 'value': expected yes or no, not 'unknown'",
            ],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "facts": FACTS + "XYZ,victims,yes,2012-01-01,2011-01-01,S,2012-01-01,q,\n",
            },
            ["role facts table, line 2: RoleFact.until 2011-01-01 must be after"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "facts": FACTS + "XYZ,victims,yes,,,,2012-01-01,q,\n",
            },
            ["role facts table, line 2: column 'sources': a fact needs the source it rests on"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "facts": FACTS + "XYZ,victims,yes,,,S,2012-01-01,,\n",
            },
            ["invalid role facts table", "line 2, column 'quote': must not be blank"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "evidence": EVIDENCE + "XYZ,victims,yes,2012-01-01,as-of,,S,,\n",
            },
            ["invalid role evidence table", "line 2, column 'quote': must not be blank"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "evidence": EVIDENCE + "XYZ,stockpiles,no,2011-03-01,from,,S,destroyed,\n",
            },
            ["role evidence table, line 2: a change on 2011-03-01, before the entry into force"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "evidence": EVIDENCE
                + "XYZ,victims,yes,2012-01-01,as-of,,S,yes,\n"
                + "XYZ,victims,no,2012-01-01,as-of,,T,no,\n",
            },
            ["two sources disagree on victims on 2012-01-01: yes (S) and no (T)"],
        ),
        (
            {"states": "code,name,deposited,withdrawal_notified\nXYZ,X,2011-01-01,2011-02-01\n"},
            ["the withdrawal notified on 2011-02-01 is before the entry into force, 2011-07-01"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "lists": LISTS + "L,victims,yes,2012-01-01,states-parties,yes,ABC,,S,q,\n",
            },
            ["role lists table, list L: unknown State Party 'ABC'"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "lists": LISTS + "L,victims,yes,2012-01-01,states-parties,maybe,XYZ,,S,q,\n",
            },
            ["line 2, column 'complete': expected yes or no, not 'maybe'"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "lists": LISTS + "L,victims,yes,2012-01-01,states-parties,yes,xyz;LAO,,S,q,\n",
            },
            ["column 'members': expected ISO alpha-3 codes separated by ';', not 'xyz'"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "lists": LISTS + "L,victims,yes,2012-01-01,states-parties,yes,XYZ,XYZ,S,q,\n",
            },
            ["role lists table, line 2:"],
        ),
        (
            {
                "states": STATES + "XYZ,X,2011-01-01,,,,\n",
                "evidence": EVIDENCE + "XYZ,victims,yes,2012-01-01,as-of,month,S,yes,\n",
            },
            ["an as-of observation speaks for one day"],
        ),
        (
            {"states": "code,name,deposited,withdrawal_effective\nXYZ,X,2011-01-01,2025-01-01\n"},
            ["column 'withdrawal_notified': a withdrawal needs its notification day"],
        ),
    ],
)
def test_bad_tables_are_refused_whole(tmp_path, tables, fragments):
    paths = {name: write(tmp_path, f"{name}.csv", text) for name, text in tables.items()}
    with pytest.raises(vap.FormatError) as raised:
        vap.load_states_csv(paths.pop("states"), **paths)
    for fragment in fragments:
        assert fragment in str(raised.value)


def test_states_from_json(tmp_path):
    registry = vap.states_parties()
    document = {"format": "vap.states-parties/1", **converter().unstructure(registry)}
    path = write(tmp_path, "states.json", json.dumps(document))
    assert vap.load_states(path) == registry


def test_bad_states_json(tmp_path):
    document = {"format": "vap.states-parties/1", "states": [{"code": "XYZ", "name": "X"}]}
    with pytest.raises(vap.FormatError) as raised:
        vap.load_states(write(tmp_path, "states.json", json.dumps(document)))
    assert "required field missing @ $.states[0].entry_into_force" in str(raised.value)


def test_obligations_from_json(tmp_path):
    built_in = vap.convention_obligations()
    document = {"format": "vap.obligations/1", **converter().unstructure(built_in)}
    assert vap.load_obligations(write(tmp_path, "o.json", json.dumps(document))) == built_in
    document["obligations"].append(document["obligations"][0])
    with pytest.raises(vap.FormatError, match="the key CCM-3.2 is repeated"):
        vap.load_obligations(write(tmp_path, "o.json", json.dumps(document)))


@pytest.mark.parametrize(
    ("table", "fragment"),
    [
        ("code,name,signed\nAGO,Angola,2008-12-30x\n", "column 'signed': invalid date"),
        ("code,name,signed\nago,Angola,2008-12-03\n", "signatories table, line 2: Signatory.code"),
        (
            "code,name,signed\nAGO,Angola,2008-12-03\nAGO,Angola,2008-12-04\n",
            "the code AGO is used more than once",
        ),
    ],
)
def test_bad_signatories_tables_are_refused_whole(tmp_path, table, fragment):
    with pytest.raises(vap.FormatError) as raised:
        vap.load_signatories(write(tmp_path, "signatories.csv", table))
    assert fragment in str(raised.value)
