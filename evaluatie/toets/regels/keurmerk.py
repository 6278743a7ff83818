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

    def brief(self, ctx: Context, reden: str) -> str:
        ins = ctx.inschrijving
        peildatum = ctx.aanbesteding.data.keurmerk_peildatum
        if not ins.keurmerk:
            return "U heeft geen Blik op Werk keurmerk opgegeven; de aanbesteding vereist dat keurmerk."
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
