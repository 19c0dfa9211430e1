"""axe-core (bundled by axe-playwright-python) run for WCAG 2.1 A and AA."""

from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def axe_violations(page) -> list[str]:
    """Human-readable violations on the current page (empty when it passes)."""
    results = _axe.run(page, options=WCAG_21_AA)
    problems = []
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
        problems.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return problems
