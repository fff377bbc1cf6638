"""
A State's timeline: what Lao PDR owed under the Vientiane Action Plan and the Convention.

Run: python examples/timeline.py [OUTPUT_DIR]   (writes lao-timeline.png and lao.ics)
"""

import sys
import tempfile
from datetime import date
from pathlib import Path

import vap

output = Path(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp())
lao = vap.states_parties()["LAO"]
schedule = vap.schedule(lao, until=date(2015, 12, 31))

print(lao)
print(f"{len(schedule.applicable())} items apply, {len(schedule.unknown())} are unknown")
for item in schedule.between(date(2011, 1, 1), date(2011, 12, 31)).applicable():
    print(f"  {item.due or item.opens}  {item.key:<10} {item.title}")

print()
print(schedule.explain("VAP-21"))

schedule.plot().savefig(output / "lao-timeline.png", dpi=100)
(output / "lao.ics").write_bytes(schedule.to_ical())
print(f"\nwrote {output / 'lao-timeline.png'} and {output / 'lao.ics'}")
