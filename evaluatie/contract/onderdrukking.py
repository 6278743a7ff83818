"""Small-cell suppression: no published figure may rest on fewer than 5 persons.

Why: with a handful of inburgeraars per gemeente and supplier, a count of 1-4 (or an average or
percentage over so few) can identify a person. A count under 5 is shown as `KLEIN`; a figure that
would give such a count away - a total with exactly one hidden part, the difference of two
cumulative figures, an average over a withheld count - is shown as `AFGELEID`. The rules that
decide the latter, over all reports of all quarters, are in `evaluatie.contract.verschil` (one
series over time) and `evaluatie.contract.openbaar` (totals, and the replay of the quarters).
"""

from __future__ import annotations

MINIMUM = 5
KLEIN = "<5"
AFGELEID = "onderdrukt"
