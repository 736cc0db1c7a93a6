"""Krippendorff's alpha equals the reference implementation (the
``krippendorff`` package) to 1e-9 on Krippendorff's published worked
examples and on random data with missing values, at every level; the edge
cases (one coder, one value, ties, all missing) give clear results."""
from __future__ import annotations

import math
import random

import pytest

from framing.validate.alpha import LEVELS, alpha, bootstrap_ci

krippendorff = pytest.importorskip("krippendorff")
np = pytest.importorskip("numpy")
NAN = float("nan")


def _units(coders_by_row):
    """Coder-major rows (as the reference takes them) → unit-major lists."""
    n = len(coders_by_row[0])
    return [[None if (isinstance(r[u], float) and math.isnan(r[u])) else r[u] for r in coders_by_row]
            for u in range(n)]


def _reference(coders_by_row, level, domain=None):
    return float(krippendorff.alpha(reliability_data=coders_by_row, level_of_measurement=level,
                                    value_domain=domain))


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
# C: 4 observers, 12 units, missing values (his figures: nominal .743,
# ordinal .815, interval .849, ratio .797).
K2011_C = [[1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
           [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
           [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
           [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN]]
PUBLISHED_C = {"nominal": 0.743, "ordinal": 0.815, "interval": 0.849, "ratio": 0.797}
# section A: binary data, two observers, no missing data (his figure: .095)
K2011_A = [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
           [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]
# section B: nominal data, two observers (a..e coded 1..5; his figure: .692)
K2011_B = [[1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1],
           [2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4]]
# Hayes & Krippendorff (2007) / the reference package's docstring: 3 coders, 15 units
HAYES = [[NAN, NAN, NAN, NAN, NAN, 3, 4, 1, 2, 1, 1, 3, 3, NAN, 3],
         [1, NAN, 2, 1, 3, 3, 4, 3, NAN, NAN, NAN, NAN, NAN, NAN, NAN],
         [NAN, NAN, 2, 1, 3, 4, 4, NAN, 2, 1, 1, 3, 3, NAN, 4]]


@pytest.mark.parametrize("level", LEVELS)
def test_krippendorff_2011_section_c_every_level(level):
    ours = alpha(_units(K2011_C), level).alpha
    assert ours == pytest.approx(_reference(K2011_C, level), abs=1e-9)
    assert round(ours, 3) == PUBLISHED_C[level]


def test_krippendorff_2011_sections_a_and_b():
    a = alpha(_units(K2011_A)).alpha
    assert a == pytest.approx(_reference(K2011_A, "nominal"), abs=1e-9)
    assert round(a, 3) == 0.095
    b = alpha(_units(K2011_B)).alpha
    assert b == pytest.approx(_reference(K2011_B, "nominal"), abs=1e-9)
    assert round(b, 3) == 0.692


@pytest.mark.parametrize("level", LEVELS)
def test_hayes_example(level):
    assert alpha(_units(HAYES), level).alpha == pytest.approx(_reference(HAYES, level), abs=1e-9)


def test_string_categories_at_the_nominal_level():
    labels = {1: "low", 2: "mid", 3: "high", 4: "top", 5: "max"}
    rows = [[labels[v] if v == v else NAN for v in r] for r in K2011_C]
    assert alpha(_units(rows)).alpha == pytest.approx(_reference(K2011_C, "nominal"), abs=1e-9)


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("seed", range(8))
def test_random_data_with_missing_values(level, seed):
    rnd = random.Random(seed)
    coders, units = rnd.randint(2, 6), rnd.randint(5, 60)
    values = rnd.sample(range(1, 40), rnd.randint(2, 7))
    rows = [[NAN if rnd.random() < 0.3 else float(rnd.choice(values)) for _ in range(units)]
            for _ in range(coders)]
    data = _units(rows)
    res = alpha(data, level)
    if res.alpha is None:  # too few pairable values: the reference refuses too
        with pytest.raises(Exception):
            _reference(rows, level)
        return
    assert res.alpha == pytest.approx(_reference(rows, level), abs=1e-9)
    # the reference counts the same pairable values
    assert res.pairable == sum(len([v for v in u if v is not None]) for u in data
                               if len([v for v in u if v is not None]) >= 2)


def test_perfect_agreement_is_one_and_systematic_disagreement_is_negative():
    assert alpha([["a", "a"], ["b", "b"], ["c", "c"]]).alpha == pytest.approx(1.0)
    assert alpha([["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]]).alpha < 0


def test_ties_between_two_coders():
    """Each coder picks the other value on half the units: chance agreement."""
    res = alpha([["x", "y"], ["y", "x"], ["x", "x"], ["y", "y"]])
    assert res.alpha == pytest.approx(float(krippendorff.alpha(
        [[0, 1, 0, 1], [1, 0, 0, 1]], level_of_measurement="nominal")), abs=1e-9)


def test_one_value_is_undefined_with_a_reason():
    res = alpha([["yes", "yes"], ["yes", "yes", "yes"], ["yes", None]])
    assert res.alpha is None and "same" in res.reason
    assert res.pairable == 5 and res.pairable_units == 2
    assert bootstrap_ci([["yes", "yes"], ["yes", "yes"]]) is None


def test_one_coder_is_undefined_with_a_reason():
    res = alpha([["a"], ["b"], ["c"]])
    assert res.alpha is None and "two coders" in res.reason
    assert res.units == 3 and res.pairable_units == 0 and res.pairable == 0


def test_missing_values_are_not_a_category():
    with_missing = alpha([["a", "a", None], ["b", "b", ""], ["a", "b", float("nan")]])
    without = alpha([["a", "a"], ["b", "b"], ["a", "b"]])
    assert with_missing.alpha == pytest.approx(without.alpha)
    assert alpha([[None, None], [None, ""]]).alpha is None


def test_levels_need_numbers_and_names_are_checked():
    with pytest.raises(ValueError, match="needs numbers"):
        alpha([["a", "b"]], "interval")
    with pytest.raises(ValueError, match="unknown level"):
        alpha([[1, 2]], "cardinal")
    with pytest.raises(ValueError, match="zero or more"):
        alpha([[-1, 2], [3, 4]], "ratio")


def test_bootstrap_is_reproducible_and_brackets_alpha():
    data = _units(K2011_C)
    ci = bootstrap_ci(data, "interval", samples=500, seed=3)
    assert ci == bootstrap_ci(data, "interval", samples=500, seed=3)
    lo, hi = ci
    assert lo <= alpha(data, "interval").alpha <= hi
    assert bootstrap_ci(data, samples=0) is None


def test_nltk_agrees_on_nominal_and_interval():
    """NLTK's AnnotationTask gives the same alpha at the levels its
    distances express (README: why our own implementation is used)."""
    agreement = pytest.importorskip("nltk.metrics.agreement")
    from nltk.metrics.distance import binary_distance, interval_distance

    data = _units(K2011_C)
    triples = [(str(c), str(u), v) for u, row in enumerate(data) for c, v in enumerate(row)
               if v is not None]
    nominal = agreement.AnnotationTask(triples, distance=binary_distance).alpha()
    interval = agreement.AnnotationTask(triples, distance=interval_distance).alpha()
    assert nominal == pytest.approx(alpha(data).alpha, abs=1e-9)
    assert interval == pytest.approx(alpha(data, "interval").alpha, abs=1e-9)
    # where alpha is undefined (one value), NLTK answers 1.0
    one = [("a", "1", "x"), ("b", "1", "x"), ("a", "2", "x"), ("b", "2", "x")]
    assert agreement.AnnotationTask(one).alpha() == 1.0
