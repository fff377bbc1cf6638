"""The built-in data as a Frictionless data package: valid, complete, exported whole."""

from __future__ import annotations

from importlib.resources import files

import frictionless

from vap.cli import main
from vap.data.package import resource_paths

FOLDER = files("vap.data")


def test_the_package_is_valid_with_its_foreign_keys():
    report = frictionless.validate(str(FOLDER / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_package_describes_every_data_file():
    shipped = {
        path.name
        for path in FOLDER.iterdir()
        if path.name.endswith((".csv", ".json", ".txt")) and path.name != "datapackage.json"
    }
    assert set(resource_paths()) == shipped


def test_vap_data_export_writes_a_valid_package(tmp_path, capsys):
    target = tmp_path / "out"
    assert main(["data", "export", str(target)]) == 0
    assert "datapackage.json" in capsys.readouterr().out
    report = frictionless.validate(str(target / "datapackage.json"))
    assert report.valid
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [*resource_paths(), "datapackage.json"]
    )


def test_export_into_a_file_fails_cleanly(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["data", "export", str(blocker / "sub")]) == 1
    assert "cannot write the data package" in capsys.readouterr().err
