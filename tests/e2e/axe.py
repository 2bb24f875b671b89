"""axe-core in the page, and a readable account of what it found."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.2 AA (which includes 2.0 and 2.1 A/AA) plus axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

_axe = Axe()


def violations(page):
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe(found):
    """One block per violation: rule id, impact, help text and every failing node's selector."""
    lines = []
    for violation in found:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            summary = node.get("failureSummary", "").replace("\n", " ").strip()
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)
