"""Checks ebl's RFC 8785 output against the independent `rfc8785` package.

Reads JSON Lines {"input": ..., "canonical": ...} on stdin and prints one closing line
'jcs-crosscheck: N passed, M failed'. Exit status 1 on any disagreement.
"""
import json
import sys

import rfc8785

passed = failed = 0
for number, line in enumerate(sys.stdin, 1):
    case = json.loads(line)
    expected = rfc8785.dumps(json.loads(case["input"])).decode("utf-8")
    if expected == case["canonical"]:
        passed += 1
    else:
        failed += 1
        if failed <= 10:
            print(f"case {number}: input {case['input']!r}")
            print(f"  rfc8785: {expected!r}")
            print(f"  ebl:     {case['canonical']!r}")
print(f"jcs-crosscheck: {passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
