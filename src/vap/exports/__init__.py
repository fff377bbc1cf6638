"""
Lossy projections of schedules and assessments for people.

Records, CSV, iCalendar, pandas data frames and timeline plots.

`vap.serialization` is the lossless format; these are views. pandas, matplotlib and
icalendar are optional extras, imported only when their export is called.
"""
