"""Blik op Werk keurmerk (Wet inburgering 2021 art. 16): held, numbered, valid on the peildatum."""

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
            return ["geen Blik op Werk keurmerk"]
        redenen = []
        if not ins.keurmerk_nummer:
            redenen.append("keurmerk zonder certificaatnummer")
        if ins.keurmerk_geldig_tot is None:
            redenen.append("geldigheid keurmerk niet opgegeven")
        elif ins.keurmerk_geldig_tot < peildatum:
            redenen.append(
                f"keurmerk geldig tot {datum(ins.keurmerk_geldig_tot)}; op de peildatum {datum(peildatum)} verlopen"
            )
        return redenen
