"""
The model: immutable values and the one answer to "does this step apply".

Dates, roles, States, addressees, timelines, meetings, actions, plans and obligations.
Internal layout: import the public names from `vap`.
"""
