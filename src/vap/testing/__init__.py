"""
Helpers for testing code that uses `vap`: Hypothesis strategies for every public value.

Importing `vap.testing.strategies` needs Hypothesis (``pip install vap[test]``).
"""
