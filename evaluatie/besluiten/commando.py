"""The decision commands on the command line: herstel, toelichting, uitsluitingsgrond, keurmerk,
intrekken and besluiten (the list). cli.py registers them; all checking is in besluiten.vastleggen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import click

from evaluatie.besluiten.optiefouten import Optiefouten, als_gebruiksfout
from evaluatie.clijson import Commando, Gebruiksfouten, erbij_in_json, json_gevraagd

if TYPE_CHECKING:
    from evaluatie.besluiten.vastleggen import Wie


def _vastleggen() -> ModuleType:
    """besluiten.vastleggen (and with it the decision models) only when a decision command runs:
    registering the commands must not load them for every other command and for --help."""
    from evaluatie.besluiten import vastleggen

    return vastleggen


def optiefouten() -> Optiefouten:
    """The collector of wrong options for the running command, ordered as its --help lists them."""
    command = click.get_current_context().command
    return Optiefouten([p.opts[0] if p.opts[0].startswith("--") else p.name or "" for p in command.params])


class Besluitcommando(Commando):
    """A decision command: when more than one required option is missing, all are named at once (click names the
    first only), like every other wrong option (Optiefouten). One missing option keeps click's own message."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not ctx.resilient_parsing and not set(args) & set(ctx.help_option_names):
            ontbrekend = self._ontbrekend(ctx, args)
            if len(ontbrekend) > 1:
                raise Gebruiksfouten(ontbrekend, ctx=ctx)
        return super().parse_args(ctx, args)

    def _ontbrekend(self, ctx: click.Context, args: list[str]) -> list[tuple[str, str]]:
        try:
            gegeven, _, _ = self.make_parser(ctx).parse_args(args=list(args))
        except click.UsageError:
            return []  # an unknown option or a missing value: click's own parse says so, as before
        uit = []
        for p in self.get_params(ctx):
            waarde = gegeven.get(p.name)
            if p.required and (waarde is None or p.value_is_missing(waarde)):  # click < 8.3 None, later UNSET
                soort = "Optie" if isinstance(p, click.Option) else "Argument"
                plaats = p.opts[0] if isinstance(p, click.Option) else p.human_readable_name
                uit.append((plaats, f"{soort} ontbreekt {p.get_error_hint(ctx)}."))
        return uit


class _Keuze(click.Choice):
    """Shown in --help as click.Choice shows it, but a wrong value passes on: the command names it together
    with every other wrong option (Optiefouten.keuze), where click would stop at this one alone."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            return value


def _wie_opties(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--datum", default=None, help="Datum van het besluit (JJJJ-MM-DD of DD-MM-JJJJ); standaard vandaag."
    )(f)
    f = click.option("--door", required=True, help='Wie besluit: "naam, functie".')(f)
    return click.option("--reden", required=True, help="De motivering, in een volledige zin.")(f)


def voeg_commandos_toe(
    main: click.Group,
    afhandeling: Callable[..., Any],
    werkmap_optie: Callable[..., Any],
    open_werkmap: Callable[[Path], Any],
    echo_json: Callable[[Any], None],
) -> None:
    """Add the decision commands to the `evaluatie` group."""

    def wie(fouten: Optiefouten, reden: str, door: str, datum: str | None) -> Wie:
        dag = dt.date.today() if datum is None else fouten.dag("--datum", datum)  # None: no date (noted)
        return _vastleggen().Wie(door=door, reden=reden, datum=dag, standaard=datum is None)

    def leg_vast(
        wm: Any,
        commando: str,
        fouten: Optiefouten,
        opties: dict[str, Any],
        werk: Callable[[Wie, dt.date], Any],
        melding: Callable[[Any], str] | None = None,
    ) -> Any:
        """Run a decision command's work with who, why and when and today's date, log it with the command's own
        `opties` followed by --reden, --door and --datum (every decision command has them: _wie_opties), and say
        what was recorded (`melding`; a new decision in besluiten.yaml unless given). A refusal is a usage error."""
        from evaluatie.besluiten.register import BESTAND

        p = click.get_current_context().params
        w = wie(fouten, p["reden"], p["door"], p["datum"])
        alle = {**opties, "reden": p["reden"], "door": p["door"], "datum": p["datum"]}
        meldingen: list[str] = []  # the last award's reports marked as not current
        try:
            uitkomst = _vastleggen().en_noteer(wm, commando, alle, lambda: werk(w, dt.date.today()), meldingen)
        except ValueError as e:
            raise als_gebruiksfout(e) from None
        click.echo(
            melding(uitkomst)
            if melding is not None
            else f"Besluit {uitkomst.id} vastgelegd in {wm.root / BESTAND}. Voer nu 'evaluatie gunning' opnieuw uit."
        )
        if json_gevraagd() and hasattr(uitkomst, "model_dump"):
            erbij_in_json("besluit", uitkomst.model_dump(mode="json"))  # the id and all, beside the sentence
        from evaluatie.cliafhandeling import toon

        for m in meldingen:
            toon(f"Let op: {m}", err=True)  # wrapped like every terminal line
        return uitkomst

    @main.command("herstel", cls=Besluitcommando)
    @werkmap_optie
    @click.option("--bestand", required=True, help="Het bestand van de inschrijving in inschrijvingen/.")
    @click.option("--blad", required=True, help="Het tabblad, bijvoorbeeld Inschrijver of Percelen.")
    @click.option("--cel", required=True, help="De cel, bijvoorbeeld B3.")
    @click.option("--oud", required=True, help="De waarde zoals de inschrijver die schreef (ter controle).")
    @click.option("--nieuw", required=True, help="De herstelde waarde.")
    @click.option(
        "--verduidelijking",
        required=True,
        help="Datum waarop de verduidelijking binnenkwam (JJJJ-MM-DD of DD-MM-JJJJ).",
    )
    @_wie_opties
    @afhandeling
    def herstel(
        werkmap: Path,
        bestand: str,
        blad: str,
        cel: str,
        oud: str,
        nieuw: str,
        verduidelijking: str,
        reden: str,
        door: str,
        datum: str | None,
    ) -> None:
        """Herstel een kennelijke fout in een inschrijving (het bestand zelf blijft ongewijzigd)."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        dag = fouten.dag("--verduidelijking", verduidelijking)
        opties = {
            "bestand": bestand,
            "blad": blad,
            "cel": cel,
            "oud": oud,
            "nieuw": nieuw,
            "verduidelijking": verduidelijking,
        }
        leg_vast(
            wm,
            "herstel",
            fouten,
            opties,
            lambda w, vandaag: _vastleggen().leg_herstel_vast(
                wm, bestand, blad, cel, oud, nieuw, dag, w, vandaag, fouten
            ),
        )
        waarschuwing = _vastleggen().herstel_raakt_vergelijking(wm, bestand, blad, cel)
        if waarschuwing:
            click.echo(f"Let op: {waarschuwing}", err=True)

    @main.command("toelichting", cls=Besluitcommando)
    @werkmap_optie
    @click.option("--inschrijver", required=True, help="De inschrijver met de abnormaal lage prijs.")
    @click.option("--lots", "--percelen", "perceel", required=True, help="Het perceel, bijvoorbeeld B1.")
    @click.option(
        "--ontvangen",
        required=True,
        help="Datum waarop de schriftelijke toelichting binnenkwam (JJJJ-MM-DD of DD-MM-JJJJ).",
    )
    @click.option(
        "--uitkomst",
        type=_Keuze(["aanvaard", "verworpen"]),
        required=True,
        help="aanvaard: de inschrijving doet mee; verworpen: zij wordt afgewezen (art. 2.116).",
    )
    @_wie_opties
    @afhandeling
    def toelichting(
        werkmap: Path,
        inschrijver: str,
        perceel: str,
        ontvangen: str,
        uitkomst: str,
        reden: str,
        door: str,
        datum: str | None,
    ) -> None:
        """Leg de beoordeling vast van de toelichting op een abnormaal lage prijs (art. 2.116 Aw 2012)."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        dag = fouten.dag("--ontvangen", ontvangen)
        opties = {"inschrijver": inschrijver, "lots": perceel, "ontvangen": ontvangen, "uitkomst": uitkomst}
        leg_vast(
            wm,
            "toelichting",
            fouten,
            opties,
            lambda w, vandaag: _vastleggen().leg_toelichting_vast(
                wm, inschrijver, perceel, dag, uitkomst, w, vandaag, fouten
            ),
        )

    @main.command("uitsluitingsgrond", cls=Besluitcommando)
    @werkmap_optie
    @click.option("--inschrijver", required=True, help="De inschrijver die een uitsluitingsgrond verklaarde.")
    @click.option("--grond", required=True, help="Welke grond, bijvoorbeeld 'ernstige beroepsfout'.")
    @click.option(
        "--artikel",
        type=_Keuze(["2.86", "2.87"]),
        required=True,
        help="2.86: verplichte grond; 2.87: facultatieve grond.",
    )
    @click.option("--feiten", required=True, help="De feiten waarop het besluit rust.")
    @click.option(
        "--zelfreiniging",
        required=True,
        help="De maatregelen tot zelfreiniging die zijn gewogen (art. 2.87a), of dat er geen zijn.",
    )
    @click.option("--evenredigheid", default="", help="De afweging van de evenredigheid (verplicht bij 2.87).")
    @click.option(
        "--uitkomst",
        type=_Keuze(["uitgesloten", "niet_uitgesloten"]),
        required=True,
        help="Of de inschrijver wordt uitgesloten.",
    )
    @_wie_opties
    @afhandeling
    def uitsluitingsgrond(
        werkmap: Path,
        inschrijver: str,
        grond: str,
        artikel: str,
        feiten: str,
        zelfreiniging: str,
        evenredigheid: str,
        uitkomst: str,
        reden: str,
        door: str,
        datum: str | None,
    ) -> None:
        """Leg de weging van een verklaarde uitsluitingsgrond vast (art. 2.86, 2.87 en 2.87a Aw 2012)."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        opties = {
            "inschrijver": inschrijver,
            "grond": grond,
            "artikel": artikel,
            "feiten": feiten,
            "zelfreiniging": zelfreiniging,
            "evenredigheid": evenredigheid,
            "uitkomst": uitkomst,
        }
        leg_vast(
            wm,
            "uitsluitingsgrond",
            fouten,
            opties,
            lambda w, vandaag: _vastleggen().leg_uitsluiting_vast(
                wm, inschrijver, grond, artikel, feiten, zelfreiniging, evenredigheid, uitkomst, w, vandaag, fouten
            ),
        )

    @main.command("keurmerk", cls=Besluitcommando)
    @werkmap_optie
    @click.option(
        "--inschrijver",
        required=True,
        help="De inschrijver van wie het keurmerk vóór de gunning of het toelatingsbesluit verloopt.",
    )
    @click.option(
        "--uitkomst",
        type=_Keuze(["verlengd", "onder_voorwaarde"]),
        required=True,
        help="verlengd: bewijs van verlenging ontvangen; onder_voorwaarde: gunning (bij een open house: toelating) "
        "onder voorwaarde.",
    )
    @click.option(
        "--verlengd-tot",
        "verlengd_tot",
        default=None,
        help="Nieuwe einddatum van het keurmerk (JJJJ-MM-DD of DD-MM-JJJJ).",
    )
    @click.option(
        "--bewijs", default=None, help="Datum waarop het bewijs van verlenging binnenkwam (JJJJ-MM-DD of DD-MM-JJJJ)."
    )
    @_wie_opties
    @afhandeling
    def keurmerk(
        werkmap: Path,
        inschrijver: str,
        uitkomst: str,
        verlengd_tot: str | None,
        bewijs: str | None,
        reden: str,
        door: str,
        datum: str | None,
    ) -> None:
        """Leg vast hoe een keurmerk dat vóór de gunning of het toelatingsbesluit verloopt is afgehandeld."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        tot, ontvangen = fouten.dag("--verlengd-tot", verlengd_tot), fouten.dag("--bewijs", bewijs)
        opties = {"inschrijver": inschrijver, "uitkomst": uitkomst, "verlengd_tot": verlengd_tot, "bewijs": bewijs}
        leg_vast(
            wm,
            "keurmerk",
            fouten,
            opties,
            lambda w, vandaag: _vastleggen().leg_keurmerk_vast(
                wm, inschrijver, uitkomst, tot, ontvangen, w, vandaag, fouten
            ),
        )

    @main.command("terugtrekking", cls=Besluitcommando)
    @werkmap_optie
    @click.option("--inschrijver", required=True, help="De naam zoals in de inschrijving en de formulieren.")
    @click.option(
        "--ontvangen", required=True, help="Datum waarop de terugtrekking binnenkwam (JJJJ-MM-DD of DD-MM-JJJJ)."
    )
    @_wie_opties
    @afhandeling
    def terugtrekking(
        werkmap: Path, inschrijver: str, ontvangen: str, reden: str, door: str, datum: str | None
    ) -> None:
        """Leg vast dat een inschrijver na de beoordeling zijn inschrijving introk (haal eerst het bestand weg)."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        dag = fouten.dag("--ontvangen", ontvangen)
        leg_vast(
            wm,
            "terugtrekking",
            fouten,
            {"inschrijver": inschrijver, "ontvangen": ontvangen},
            lambda w, vandaag: _vastleggen().leg_terugtrekking_vast(wm, inschrijver, dag, w, vandaag, fouten),
        )

    @main.command("intrekken", cls=Besluitcommando)
    @werkmap_optie
    @click.argument("besluit")
    @_wie_opties
    @afhandeling
    def intrekken(werkmap: Path, besluit: str, reden: str, door: str, datum: str | None) -> None:
        """Trek een besluit (H1, A1, U1, K1, T1) of een loting (L1) in; de intrekking wordt zelf vastgelegd."""
        wm = open_werkmap(werkmap)
        fouten = optiefouten()
        uit = leg_vast(
            wm,
            "intrekken",
            fouten,
            {"besluit": besluit},
            lambda w, vandaag: _vastleggen().trek_in(wm, besluit, w, vandaag, fouten),
            lambda uit: (
                f"{uit[0]} ingetrokken in {uit[1]}; het blijft in het dossier staan. Voer nu 'evaluatie "
                "gunning' opnieuw uit."
            ),
        )
        if json_gevraagd():
            erbij_in_json("ingetrokken", {"id": uit[0], "bestand": uit[1].name})  # the id as recorded, not as typed

    @main.command("besluiten")
    @werkmap_optie
    @click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
    @afhandeling
    def besluiten(werkmap: Path, als_json: bool) -> None:
        """Toon alle vastgelegde besluiten en lotingen, ook de ingetrokken, en welke verouderd zijn."""
        from evaluatie.besluiten.handwerk import buiten_de_commandos
        from evaluatie.besluiten.overzicht import als_dict, regels
        from evaluatie.besluiten.premissen import controleer_premissen
        from evaluatie.cliafhandeling import toon

        wm = open_werkmap(werkmap)
        for fout in buiten_de_commandos(wm):  # shown as the file says, never as if recorded
            toon(f"Let op: {fout}", err=True)
        p = controleer_premissen(wm)  # the award's own check: a stale decision is marked, never listed as if in force
        if p.onbevestigd:
            toon(
                f"Let op: niet tegen de huidige invoer gecontroleerd: {', '.join(p.onbevestigd)} (of de premisse nog "
                f"klopt, is daarom niet bevestigd), want {p.onvolledig[0]}",
                err=True,
            )
            for regel in p.onvolledig[1:]:
                toon(f"  {regel}", err=True)
        if als_json:
            echo_json(als_dict(wm, p))
            return
        for regel in regels(wm, p):
            toon(regel)
