"""Exclusion grounds (Aanbestedingswet 2012 art. 2.86/2.87): the bidder declares none apply."""

from evaluatie.toets.register import Context, Knockoutregel, registreer

VERKLAARD = "inschrijver verklaart dat uitsluitingsgronden van toepassing zijn"


@registreer
class Uitsluitingsgronden(Knockoutregel):
    naam = "uitsluitingsgronden"

    def eis(self, ctx: Context) -> str:
        return "geen uitsluitingsgronden van toepassing"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.inschrijving.uitsluitingsgronden:
            return [VERKLAARD]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        if reden != VERKLAARD:  # the recorded weighing (besluiten: uitsluitingsgrond) names ground and reasoning
            return f"U heeft verklaard dat op uw onderneming een uitsluitingsgrond van toepassing is. {reden}"
        return (
            "U heeft verklaard dat op uw onderneming een of meer uitsluitingsgronden van toepassing zijn "
            "(artikelen 2.86 en 2.87 Aanbestedingswet 2012)."
        )
