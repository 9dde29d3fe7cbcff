#!/usr/bin/env python3
"""Prints each failed test of the given TRX reports with the start of its message.

CI keeps only the end of a run's output, so test.sh calls this last: whoever reads a
red run sees which test failed and why without the full log."""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
MESSAGE_LINES = 12

failures = 0
for report in sys.argv[1:]:
    try:
        root = ET.parse(report).getroot()
    except (OSError, ET.ParseError) as error:
        print(f"!! could not read {report}: {error}")
        continue
    for result in root.iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") not in ("Failed", "Error", "Timeout", "Aborted"):
            continue
        failures += 1
        print(f"!! FAILED {result.get('testName')} ({result.get('duration')}, {result.get('outcome')})")
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS)
        stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=NS)
        for line in (message.strip().splitlines() + stack.strip().splitlines()[:4])[:MESSAGE_LINES]:
            print(f"   {line}")
if failures:
    print(f"!! {failures} failed test(s), listed above")
