from hypothesis import given
from hypothesis import strategies as st

from desktop.forms.codelists.fuzzy import FuzzyVocabulary, allowed_distance, osa_distance


def _reference_osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


short_words = st.text(alphabet="abcde", max_size=9)


@given(short_words, short_words, st.integers(min_value=0, max_value=3))
def test_osa_distance_matches_the_textbook_table_up_to_the_limit(a, b, limit):
    assert osa_distance(a, b, limit) == min(_reference_osa(a, b), limit + 1)


def test_examples():
    assert osa_distance("fibrossis", "fibrosis", 2) == 1
    assert osa_distance("fibrosis", "fibrosi", 2) == 1
    assert osa_distance("huntigton", "huntington", 2) == 1
    assert osa_distance("cystic", "cytsic", 2) == 1  # transposition


@given(
    st.lists(st.text(alphabet="abcdef", min_size=3, max_size=10), max_size=40),
    st.text(alphabet="abcdef", max_size=10),
)
def test_near_is_sound_and_finds_every_single_typo(vocabulary, query):
    near = FuzzyVocabulary(vocabulary).near(query)
    limit = allowed_distance(query)
    for word, distance in near.items():
        assert word in vocabulary
        assert distance == _reference_osa(query, word) <= limit
    if limit:
        for word in vocabulary:
            if _reference_osa(query, word) <= 1:
                assert word in near
