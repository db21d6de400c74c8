"""异常 judged over whole columns at once (numpy) equals the definition applied group by group:
the median, the MAD and the robust z-score on log1p, at least ten peers, MAD not 0."""

import math
import random
from statistics import median

import numpy as np
import pytest

from indexer.anomalies import MIN_PEERS, Z_LIMIT, FacetJudgement


def by_definition(values: list[float], group: list[int]) -> dict[int, dict]:
    """Each flagged document's figures, worked out one group at a time in plain Python."""
    members: dict[int, list[int]] = {}
    for doc, (value, g) in enumerate(zip(values, group, strict=True)):
        if g >= 0 and not math.isnan(value):
            members.setdefault(g, []).append(doc)
    flagged = {}
    for docs in members.values():
        stated = [values[d] for d in docs]
        logs = [math.log1p(max(v, 0.0)) for v in stated]
        centre = median(logs)
        spread = median(abs(x - centre) for x in logs)
        if len(docs) < MIN_PEERS or spread == 0:
            continue
        for doc, value, x in zip(docs, stated, logs, strict=True):
            z = 0.6745 * (x - centre) / spread
            if abs(z) > Z_LIMIT:
                flagged[doc] = {"value": value, "median": median(stated), "z": round(z, 2), "peers": len(docs)}
    return flagged


@pytest.mark.parametrize("seed", range(6))
def test_whole_column_judgement_equals_the_definition(seed):
    rng = random.Random(seed)
    values, group = [], []
    for g in range(40):
        size = rng.choice([0, 3, 9, 10, 11, 25, 60])
        flat = rng.random() < 0.15  # most state one value: MAD 0, nothing judged
        for _ in range(size):
            roll = rng.random()
            if roll < 0.1:
                value = math.nan  # not stated
            elif flat and roll < 0.8:
                value = 12.0
            elif roll > 0.97:
                value = float(rng.randint(500, 90000))  # far outside
            else:
                value = float(round(rng.lognormvariate(3, 0.6)))
            values.append(value)
            group.append(g if rng.random() > 0.05 else -1)  # some reports have no peer group
    order = list(range(len(values)))
    rng.shuffle(order)  # groups interleaved, as documents are in an index
    values, group = [values[i] for i in order], [group[i] for i in order]

    judged = FacetJudgement(np.array(values), np.array(group, dtype=np.int64), 40)
    found = {int(doc): judged.figures(int(doc)) for doc in judged.docs}
    expected = by_definition(values, group)
    assert found == expected
    assert len(expected) >= 3
    assert all(judged.figures(doc) is None for doc in range(len(values)) if doc not in expected)
