"""Print one closing line over every JUnit report of the run.

Exits non-zero when a report is missing, a test failed or no test ran.
"""
import sys
import xml.etree.ElementTree as ET


def main(paths):
    totals = dict(tests=0, failures=0, errors=0, skipped=0)
    for path in paths:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            print("missing test report %s: %s" % (path, exc))
            return 1
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for suite in suites:
            for key in totals:
                totals[key] += int(suite.get(key, 0))
    failed = totals["failures"] + totals["errors"]
    passed = totals["tests"] - failed - totals["skipped"]
    print("aftersales: %d passed, %d failed, %d skipped"
          % (passed, failed, totals["skipped"]))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
