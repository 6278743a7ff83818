"""Small-cell suppression: no published figure may rest on fewer than 5 persons.

Why: with a handful of inburgeraars per gemeente and supplier, a count of 1-4 (or an average or
percentage over so few) can identify a person. A count under 5 is not shown, and neither is a figure
that would give such a count away - a total with exactly one hidden part, the difference of two
cumulative figures, an average over a withheld count, a figure that leaves a withheld count one
possible value. Every withheld figure carries the same label, `ONDERDRUKT`, whatever its size and
whichever rule withholds it (as CBS does): a label for 'under 5' next to one for 'withheld for another
reason' would say 0-4 and 5 or more, and such bounds pin counts as surely as numbers do. A count of 0
is withheld too (it is under 5), so the label says nothing but 'a number of persons'. The rules that
decide, over all reports of all quarters, are in `evaluatie.contract.openbaar`.
"""

from __future__ import annotations

MINIMUM = 5
ONDERDRUKT = "onderdrukt"
