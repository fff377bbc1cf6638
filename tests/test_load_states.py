from __future__ import annotations

import json
from datetime import date

import pytest

import vap
from vap.formats.converter import converter

STATES = "code,name,deposited,instrument,entry_into_force,sources,note\n"
FACTS = "state,role,value,since,until,sources,note\n"


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
            FACTS + "XYZ,stockpiles,yes,,2013-01-01,C,destroyed\nXYZ,victims,no,,,,\n",
        ),
        extensions=write(
            tmp_path,
            "extensions.csv",
            "state,obligation,status,until,sources,note\nXYZ,CCM-3.2,granted,2021-01-01,D,\n",
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
    assert xyz.extended_deadline("CCM-3.2") == date(2021, 1, 1)
    assert xyz.events[0].on == date(2014, 1, 1)
    assert xyz.sources == ("A", "B")


def test_optional_tables_may_leave_out_optional_columns(tmp_path):
    registry = vap.load_states_csv(
        write(tmp_path, "states.csv", "code,name,entry_into_force\nXYZ,X,2010-08-01\n"),
        facts=write(tmp_path, "facts.csv", "state,role,value\nXYZ,victims,yes\n"),
    )
    assert registry["XYZ"].role(vap.Role.VICTIMS, on=date(2011, 1, 1)) is vap.Truth.YES


@pytest.mark.parametrize(
    ("states", "facts", "fragments"),
    [
        (
            STATES + "XYZ,X,2011-02-30,ratification,,,\n",
            None,
            ["States Parties table", "line 2, column 'deposited': invalid date '2011-02-30'"],
        ),
        (
            STATES + "XYZ,X,2011-01-01,signature,,,\n",
            None,
            ["line 2, column 'instrument': unknown instrument 'signature': expected one of"],
        ),
        (STATES + "XYZ,X,,,,,\n", None, ["line 2: StateParty 'XYZ' needs a deposit date"]),
        (
            STATES + "XYZ,X,2011-01-01,,,,\nXYZ,Y,2011-01-01,,,,\n",
            None,
            ["the code XYZ is used more than once"],
        ),
        (
            STATES + "XYZ,X,2011-01-01,,,,\n",
            FACTS + "ABC,victims,yes,,,,\n",
            ["role facts table, line 2, column 'state': unknown State Party 'ABC'"],
        ),
        (
            STATES + "XYZ,X,2011-01-01,,,,\n",
            FACTS + "XYZ,landmines,yes,,,,\nXYZ,victims,unknown,,,,\n",
            [
                "line 2, column 'role': unknown role 'landmines'",
                "line 3, column 'value': expected yes or no, not 'unknown'",
            ],
        ),
        (
            STATES + "XYZ,X,2011-01-01,,,,\n",
            FACTS + "XYZ,victims,yes,2012-01-01,2011-01-01,,\n",
            ["role facts table, line 2: RoleFact.until 2011-01-01 must be after"],
        ),
        (
            STATES + "XYZ,X,2011-01-01,,,,\n",
            FACTS + "XYZ,victims,yes,,,,\nXYZ,victims,no,2012-01-01,,,\n",
            ["line 2: invalid StateParty 'XYZ'", "overlap"],
        ),
    ],
)
def test_bad_tables_are_refused_whole(tmp_path, states, facts, fragments):
    with pytest.raises(vap.FormatError) as raised:
        vap.load_states_csv(
            write(tmp_path, "states.csv", states),
            facts=None if facts is None else write(tmp_path, "facts.csv", facts),
        )
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
