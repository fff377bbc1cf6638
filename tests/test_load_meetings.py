from __future__ import annotations

import pytest

import vap

HEADER = "key,name,city,opens,closes,sources,note\n"


def load(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "meetings.csv"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return vap.load_meetings(path)


def test_a_small_calendar(tmp_path):
    calendar = load(tmp_path, HEADER + "1MSP,First,Vientiane,2010-11-09,2010-11-12,A;B,\n\n")
    assert calendar["1MSP"].sources == ("A", "B")


def test_optional_columns_may_be_left_out(tmp_path):
    calendar = load(tmp_path, "key,name,city,opens,closes\nX,Meeting,,2011-01-01,2011-01-02\n")
    assert calendar["X"].note == ""


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("", ["the file is empty"]),
        ("key,name\n", ["missing columns 'city', 'closes', 'opens'"]),
        (HEADER.replace("note", "colour"), ["unknown columns 'colour'"]),
        ("key,key,name,city,opens,closes\n", ["repeated columns 'key'"]),
        (
            HEADER + "X,Name,City,2011-02-30,2011-03-01,,\n",
            ["line 2, column 'opens': invalid date '2011-02-30': no such day"],
        ),
        (
            HEADER + ",Name,City,2011-02-01,2011-03-01,,\nY,,C,2011,2011-03-01,,\n",
            [
                "line 2, column 'key': must not be blank",
                "line 3, column 'name': must not be blank",
                "line 3, column 'opens': invalid date '2011'",
            ],
        ),
        (HEADER + "X,Name,City,2011-02-01\n", ["line 2: 4 cells, expected 7"]),
        (
            HEADER + "X,N,C,2011-02-02,2011-02-01,,\n",
            ["line 2: Meeting.closes 2011-02-01 is before"],
        ),
        (
            HEADER + "X,N,C,2011-02-01,2011-02-01,,\nX,N,C,2011-02-01,2011-02-01,,\n",
            ["holds the key 'X' more than once"],
        ),
        (HEADER + 'X,"N,C,2011-02-01,2011-02-01,,\n', ["unexpected end of data at line 2"]),
    ],
)
def test_bad_tables_name_line_and_column(tmp_path, text, fragments):
    with pytest.raises(vap.FormatError, match="invalid meetings table") as raised:
        load(tmp_path, text)
    for fragment in fragments:
        assert fragment in str(raised.value)


def test_non_utf8(tmp_path):
    with pytest.raises(vap.FormatError, match="not UTF-8 text"):
        load(tmp_path, (HEADER + "X,Genève,C,2011-02-01,2011-02-01,,\n").encode("latin-1"))


def test_byte_order_mark_is_accepted(tmp_path):
    assert "X" in load(tmp_path, "\ufeff" + HEADER + "X,N,C,2011-02-01,2011-02-01,,\n")
