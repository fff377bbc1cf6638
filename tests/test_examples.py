"""Every example runs: the scripts as a user would run them, the notebook in a kernel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_examples():
    assert len(SCRIPTS) >= 3
    assert list(EXAMPLES.glob("*.ipynb"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_script_runs(script, tmp_path):
    result = subprocess.run(  # noqa: S603 - our own interpreter and examples
        [sys.executable, str(script), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    for written in tmp_path.iterdir():
        assert written.stat().st_size > 0


def _outputs(cell: nbformat.NotebookNode) -> set[str]:
    """The kinds of output a code cell showed: mime types, or ``stream``."""
    kinds = set()
    for output in cell.outputs:
        kinds.update(output.get("data", {}) if "data" in output else {output.output_type})
    return kinds


@pytest.mark.parametrize("notebook", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda path: path.name)
def test_notebook_runs_in_a_real_kernel(notebook):
    """Executed as Jupyter would: tables show as HTML, the plot as an image."""
    document = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        document, timeout=300, kernel_name="python3", resources={"metadata": {"path": EXAMPLES}}
    )
    client.execute()
    shown = {cell.source: _outputs(cell) for cell in document.cells if cell.cell_type == "code"}
    (plot,) = [kinds for source, kinds in shown.items() if source.rstrip().endswith(".plot()")]
    assert "image/png" in plot
    tables = [kinds for source, kinds in shown.items() if "text/html" in kinds]
    assert len(tables) >= 2  # the schedule and the assessment
