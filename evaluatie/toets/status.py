"""One vocabulary for a bid's outcome in a lot, used by every output that has a status field (`toets --json`,
rapporten/gunning.json, the advies in HTML and xlsx, the letters, the analyst API) and by the sentences that
state it. Two outputs that call one outcome by two words contradict each other in a published text; the words
are therefore defined here once, and the legal term of each is the one the letter's sentence uses."""

from __future__ import annotations

from typing import Any

from evaluatie.besluiten.model import REGEL_ABNORMAAL

VOLDOET = "voldoet"  # meets every knock-out requirement (ranked, or admitted in an open house)
GEGUND = "gegund"  # ranked and awarded a share
AFGEWEZEN = "afgewezen"  # ranked, not awarded (art. 2.130 Aw: the reasons are in the letter)
TOEGELATEN = "toegelaten"  # open house (procedure toelating): admitted
NIET_TOEGELATEN = "niet toegelaten"  # open house: a requirement not met
ONGELDIG = "ongeldig"  # a knock-out requirement not met
UITGESLOTEN = "uitgesloten"  # an exclusion ground, art. 2.86/2.87 Aw
ABNORMAAL_LAAG = "abnormaal laag"  # rejected as abnormally low after the explanation, art. 2.116 Aw
AANGEHOUDEN = "aangehouden"  # a declared exclusion ground not yet weighed (an open point): out until the decision

REGEL_UITSLUITING = "uitsluitingsgronden"

# the status words that take a bid out of a lot; ABNORMAAL_LAAG, not ONGELDIG, for a rejected 2.116 explanation:
# the bid met every requirement, the contracting authority rejected it (art. 2.116 lid 1 Aw: "wijst ... af")
AFWIJZINGEN = (ONGELDIG, UITGESLOTEN, ABNORMAAL_LAAG, NIET_TOEGELATEN, AANGEHOUDEN)


def afwijzing(t: Any, toelating: bool) -> str | None:
    """Why a knock-out result takes the bid out of its lot, as a status word of AFWIJZINGEN; None when it does not.
    A recorded exclusion decides over any other finding (it excludes from every lot; while a ground is declared and
    not yet weighed the bid is AANGEHOUDEN, not UITGESLOTEN, when that is all it fails); a rejected 2.116 explanation
    is the status only when it is the bid's only failed requirement (a bid that is also invalid is invalid)."""
    gefaald = [b.regel for b in (t.bevindingen if t is not None else ()) if b.voldoet is False]
    if not gefaald:
        return None
    if REGEL_UITSLUITING in gefaald:
        # exclusion (art. 2.86/2.87) is a decision: 'uitgesloten' only when one is recorded; declared but not
        # weighed, the bid waits for it. A check that never saw the decisions judges the declaration as the
        # requirement it is: not met (a late entrant that declares a ground is not judged: evaluatie.contract.toetreding
        # stops for the weighing first).
        if getattr(t, "uitgesloten_bij_besluit", False):
            return UITGESLOTEN
        if getattr(t, "ongewogen", False):
            anders = [r for r in gefaald if r != REGEL_UITSLUITING]
            if not anders:
                return AANGEHOUDEN
            # another requirement not met keeps the bid out whatever the weighing: 'aangehouden' ("aan te houden tot
            # de verklaarde uitsluitingsgrond is gewogen") would promise a way back there is not
            gefaald = anders
    if all(r == REGEL_ABNORMAAL for r in gefaald):
        return ABNORMAAL_LAAG
    return NIET_TOEGELATEN if toelating else ONGELDIG
