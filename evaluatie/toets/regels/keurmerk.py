"""Blik op Werk keurmerk (Wet inburgering 2021 art. 16): held, numbered, valid on the peildatum."""

from evaluatie.inschrijving import velden as v
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.tekst import datum
from evaluatie.toets.register import Context, Knockoutregel, registreer


@registreer
class Keurmerk(Knockoutregel):
    naam = "keurmerk"

    def eis(self, ctx: Context) -> str:
        return f"Blik op Werk keurmerk geldig op de peildatum {datum(ctx.aanbesteding.data.keurmerk_peildatum)}"

    def toets(self, ctx: Context) -> list[str]:
        ins = ctx.inschrijving
        peildatum = ctx.aanbesteding.data.keurmerk_peildatum
        if not ins.keurmerk:
            return ["geen Blik op Werk keurmerk" + _cel(ins, v.KEURMERK, "'nee'")]
        redenen = []
        if not ins.keurmerk_nummer:
            redenen.append("keurmerk zonder certificaatnummer" + _cel(ins, v.KEURMERK_NUMMER, "leeg"))
        if ins.keurmerk_geldig_tot is None:
            redenen.append("geldigheid keurmerk niet opgegeven" + _cel(ins, v.KEURMERK_GELDIG, "leeg"))
        elif ins.keurmerk_geldig_tot < peildatum:
            redenen.append(
                f"keurmerk geldig tot {datum(ins.keurmerk_geldig_tot)}; op de peildatum {datum(peildatum)} verlopen"
                + _cel(ins, v.KEURMERK_GELDIG)
            )
        return redenen

    def brief(self, ctx: Context, reden: str) -> str:
        ins = ctx.inschrijving
        peildatum = ctx.aanbesteding.data.keurmerk_peildatum
        if not ins.keurmerk:
            # the lot, not the tender: beside an onderwijsroute awarded to the same bidder without the keurmerk,
            # 'de aanbesteding vereist dat keurmerk' in its Z-route letter read as a requirement that route broke
            return (
                "U heeft geen Blik op Werk keurmerk opgegeven; de aanbesteding vereist dat keurmerk voor perceel "
                f"{ctx.perceel.naam}."
            )
        if ins.keurmerk_geldig_tot is not None and ins.keurmerk_geldig_tot < peildatum:
            return (
                f"Uw keurmerk was geldig tot {datum(ins.keurmerk_geldig_tot)}; op de peildatum "
                f"{datum(peildatum)} was het verlopen."
            )
        if not ins.keurmerk_nummer:
            return "U heeft bij uw Blik op Werk keurmerk geen certificaatnummer opgegeven."
        if ins.keurmerk_geldig_tot is None:
            return "U heeft niet opgegeven tot wanneer uw Blik op Werk keurmerk geldig is."
        return super().brief(ctx, reden)


def _cel(ins: Inschrijving, veld: str, antwoord: str = "") -> str:
    """' (acme.xlsx!Inschrijver!B6: 'nee')': where the bidder's own answer stands, so the reason in the advies can be
    checked against the bid; '' for a bid built in code, which has no cells."""
    cel = ins.cellen.get(veld)
    if not cel:
        return ""
    return f" ({cel}: {antwoord})" if antwoord else f" ({cel})"
