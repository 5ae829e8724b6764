"""The annual report's format without Django: its vocabulary, the reader, the checker.

Everything here takes plain values (bytes, dicts) and returns dataclasses; the
report-checking pages (gongkai.reportcheck), the annual-report builder and the
command line call it. Nothing in this package may import Django (a test checks).
"""
