"""
The engine: schedules, assessments and indicators computed from the model's values.

Internal layout: import the public names from `vap`.
"""
