"""
Building on a plan of your own: load it from a file, schedule it for States you describe.

Run: python examples/custom_plan.py
"""

from datetime import date
from pathlib import Path

import vap

plan = vap.load_plan(Path(__file__).parent / "custom-plan.json")
print(plan)

xyz = vap.StateParty("XYZ", "Xyzland", deposited=date(2016, 3, 14), roles={vap.Role.VICTIMS})
contaminated = vap.StateParty(
    "ABC",
    "Abcland",
    deposited=date(2015, 1, 20),
    facts=[
        vap.RoleFact(role=vap.Role.CONTAMINATED, value=vap.Truth.YES, sources=("survey 2015",)),
        vap.RoleFact(role=vap.Role.VICTIMS, value=vap.Truth.NO, sources=("survey 2015",)),
    ],
)

schedule = vap.schedule(
    [xyz, contaminated],
    plan=plan,
    obligations=vap.ObligationSet(title="none: the plan alone"),
    until=date(2019, 12, 31),
)
for item in schedule:
    applies = item.applies.value
    print(f"  {item.state} {item.key:<8} {item.title:<32} due {item.due}  applies: {applies}")

# A what-if: the same schedule with the Second Meeting's closing day as the deadline day.
closing = vap.schedule(
    contaminated,
    plan=plan,
    obligations=vap.ObligationSet(title="none"),
    until=date(2019, 12, 31),
    meeting_day=vap.MeetingDay.CLOSES,
)
print(
    "\nXAP-1 falls due on",
    closing.for_key("XAP-1")[0].due,
    "when meetings count from their last day",
)
