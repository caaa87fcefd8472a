"""The repository documents itself: docs/domain.md lists exactly the labels and relationships the
graph accepts, and nothing points outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

from partygraph import vocabulary
from partygraph.vocabulary import Link

ROOT = Path(__file__).resolve().parent.parent
DOMAIN = ROOT / "docs" / "domain.md"
# `(Grid)-[:IN]->(Community|Grid)` and `(Person)-[:REPORTED_TO {on}]->(Community)`
PATTERN = re.compile(r"`\(([\w|]+)\)-\[:(\w+)[^\]]*\]->\(([\w|]+)\)`")


def test_the_domain_page_lists_exactly_the_relationships_the_graph_accepts() -> None:
    text = DOMAIN.read_text(encoding="utf-8")
    documented = {
        Link(rel, source, target)
        for sources, rel, targets in PATTERN.findall(text)
        for source in sources.split("|")
        for target in targets.split("|")
    }
    assert documented == set(vocabulary.LINKS)


def test_the_domain_page_names_every_label_in_both_languages() -> None:
    text = DOMAIN.read_text(encoding="utf-8")
    for label, chinese in vocabulary.LABELS.items():
        assert f"`{label}` {chinese}" in text, label


def test_no_document_or_description_points_outside_the_repository() -> None:
    paths = [ROOT / "README.md", *ROOT.glob("docs/*.md"), ROOT / "schema.graphql"]
    paths += list((ROOT / "partygraph").rglob("*.py")) + list(
        (ROOT / "partygraph").rglob("*.cypher")
    )
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "DOMAIN.md" not in text, path
