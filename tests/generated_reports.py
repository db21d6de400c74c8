"""Generated reports as extraction would give them, for tests that index many without files."""

from indexer.extract.ratios import ratios
from indexer.generator import generate
from indexer.models import Report


def as_report(seed: int, *, text: bool = False, variant: int = 0) -> Report:
    """The generator's report ``seed`` with its known facets; with ``text``, its sections too.
    A ``variant`` is the same report corrected: its first section starts with a new sentence."""
    synthetic = generate(seed)
    sections = dict(synthetic.sections) if text else {}
    if variant and sections:
        first = next(iter(sections))
        sections[first] = f"更正说明第{variant}版。" + sections[first]
    return Report(
        id=f"g{seed:05d}",
        source=f"generated/{seed}",
        format="txt",
        title=synthetic.title,
        agency=synthetic.agency,
        region=synthetic.region,
        year=synthetic.year,
        published=synthetic.published,
        template=synthetic.template,
        sections=sections,
        facets=dict(synthetic.expected),
        ratios=ratios(synthetic.expected),
        content_hash=f"{seed:064x}" + (str(variant) if variant else ""),
    )
