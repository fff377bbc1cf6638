"""
File formats: the strict JSON converter, CSV tables and JSON Schemas.

Internal layout: the public faces are `vap.serialization` and the `vap.load_*` functions.
"""
