"""The disclosure policy of the research and aggregate exports: the one place it is set.

A research extract is only as safe as the list of what an outsider could know about a
person. That list is here, with how far each item may be coarsened, the default and the
floor for k, how much may be suppressed before the export refuses, and the threshold of
the aggregate tables. ``research`` and ``aggregate`` read it; nothing else decides any of
it, so a disclosure review reads one file (and docs/staff-exports.md, which describes it).

Quasi-identifiers and their hierarchies (level 0 is the value as registered; the last level
is always ``SUPPRESSED``):

- ``age`` at registration: year (90 and over top-coded as "90+"), 5-year band, 10-year
  band, 20-year band;
- ``sex`` as registered;
- ``geography``: the municipality, its county on the registration date, the county's
  health region (``resources/exports/health-regions.csv``);
- ``diagnosis``: the ORPHA code, then its Orphanet group where the code list marks the code
  as a group (its ``level`` column), else ``OTHER``;
- ``diagnosis_year``: year, 5-year period, 10-year period;
- ``institution``: the diagnosing institution's name, then its health region
  (``resources/exports/health-trusts.csv``; "ukjent region" when not listed);
- ``genetics``: the findings' HGVS descriptions and karyotypes, then their genes (a
  karyotype becomes ``KARYOTYPE``).
"""

from __future__ import annotations

from types import MappingProxyType

SUPPRESSED = "*"
OTHER = "other"  # an ORPHA code the list does not place in a group
KARYOTYPE = "karyotype"  # a finding given as a karyotype, at the gene level
UNKNOWN_REGION = "ukjent region"
AGE_TOP = 90  # ages from here on are one category at every level ("90+")

# name -> the levels of its hierarchy, as the report names them (stable identifiers).
HIERARCHIES = MappingProxyType(
    {
        "age": ("year", "band5", "band10", "band20", "suppressed"),
        "sex": ("value", "suppressed"),
        "geography": ("municipality", "county", "region", "suppressed"),
        "diagnosis": ("orpha_code", "orphanet_group", "suppressed"),
        "diagnosis_year": ("year", "period5", "period10", "suppressed"),
        "institution": ("institution", "region", "suppressed"),
        "genetics": ("hgvs", "gene", "suppressed"),
    }
)
QUASI_IDENTIFIERS = tuple(HIERARCHIES)

# The column sets a request may name; docs/staff-exports.md lists the same, and the tests
# check k over an extract of each.
COLUMN_SETS = MappingProxyType(
    {
        "standard": ("age", "sex", "geography", "diagnosis", "diagnosis_year"),
        "institution": ("age", "sex", "geography", "diagnosis", "diagnosis_year", "institution"),
        "genetics": ("age", "sex", "geography", "diagnosis", "diagnosis_year", "genetics"),
        "all": QUASI_IDENTIFIERS,
    }
)
DEFAULT_COLUMN_SET = "standard"

DEFAULT_K = 5
MINIMUM_K = 3  # a request below this is refused: 2 is one other person to rule out
# The largest share of rows the extract may leave out, or release with a quasi-identifier
# suppressed, before it refuses: beyond that the extract misrepresents the register.
DEFAULT_MAX_SUPPRESSION = 0.10

# When a row's class is smaller than k, its cells climb their hierarchies one level at a
# time in this order (most identifying first) before the row is left out.
LOCAL_RECODING_ORDER = (
    "genetics",
    "diagnosis",
    "institution",
    "diagnosis_year",
    "geography",
    "age",
    "sex",
)

# Released as they are beside the quasi-identifiers: clinical categories that an outsider
# does not know from registers or the press, and that research needs. Left out of the
# extract entirely: every direct identifier, dates and years other than the diagnosis year,
# onset age, ICD-10 and OMIM codes (each names the diagnosis as exactly as the ORPHA code),
# the reporter and the register's own keys.
ATTRIBUTES = (
    "vital_status",
    "assertion",
    "onset",
    "basis",
    "sub_registry",
    "pid_iuis_category",
    "pid_igg_at_diagnosis",
    "pid_iga_at_diagnosis",
    "pid_igm_at_diagnosis",
    "pid_recurrent_infections",
    "pid_ig_replacement",
    "pid_ig_replacement_route",
    "pid_hsct",
)

# Aggregate tables: a count from 1 to AGGREGATE_THRESHOLD - 1 is shown as SMALL_CELL.
AGGREGATE_THRESHOLD = 5
SMALL_CELL = f"<{AGGREGATE_THRESHOLD}"
HIDDEN_CELL = "x"  # a count hidden so that totals do not give away a small cell
AGGREGATE_DIMENSIONS = ("diagnosis", "county", "year")  # rows; the columns are the sexes
