"""
A monitoring report for three built-in States, from (illustrative) records of what they did.

Run: python examples/monitoring_report.py [OUTPUT_DIR]   (writes report.csv and report.png)
"""

import sys
import tempfile
from datetime import date
from pathlib import Path

import vap

output = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp())
here = Path(__file__).parent
states = vap.states_parties()
schedule = vap.schedule([states["LAO"], states["DEU"], states["CHL"]], until=date(2013, 12, 31))
progress = vap.Progress.from_json(here / "data" / "progress.json")

january, june = date(2012, 1, 1), date(2012, 6, 30)
report = vap.assess(schedule, progress, as_of=january)
print(report)
print()
for indicator in report.indicators():
    if indicator.denominator:
        print(indicator)

print()
for summary in report.by_state():
    print(summary)

print(f"\nWhat changed between {january} and {june}:")
later = vap.assess(schedule, progress, as_of=june)
for change in later.changes_since(report):
    if change.became_overdue or change.became_met:
        print(f"  {change}")

print()
print(report.for_state("CHL").for_key("VAP-8.1")[0].explain())

report.to_csv(output / "report.csv")
schedule.plot(assessment=report).savefig(output / "report.png", dpi=100)
print(f"\nwrote {output / 'report.csv'} and {output / 'report.png'}")
