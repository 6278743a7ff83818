"""The README cannot drift from the CLI: every command (groups and their subcommands included) and
every option is in the README, and everything the README shows as `evaluatie ...` exists.

What counts as documentation: code in the README, inline (`...`) or in a fenced block. A span
that starts with `evaluatie ` is a call: its words name a command, its `--options` must belong to
that command. A span that starts with `--` names an option of some command.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest

from evaluatie.cli import main
from tests.hulp import REPO

ALTIJD = {"--help", "-h", "--version"}


def commandos(groep: click.Group = main, pad: tuple[str, ...] = ()) -> dict[tuple[str, ...], click.Command]:
    """Every visible command and group by its path, ('template', 'systematiek') etc."""
    uit: dict[tuple[str, ...], click.Command] = {}
    ctx = click.Context(groep)  # through list_commands/get_command: a command loaded only on use is included
    for naam in groep.list_commands(ctx):
        cmd = groep.get_command(ctx, naam)
        assert cmd is not None, naam
        if cmd.hidden:
            continue
        uit[(*pad, naam)] = cmd
        if isinstance(cmd, click.Group):
            uit |= commandos(cmd, (*pad, naam))
    return uit


def opties(cmd: click.Command) -> set[str]:
    return {o for p in cmd.params if isinstance(p, click.Option) for o in (*p.opts, *p.secondary_opts)}


def bloklijnen(blok: str) -> list[str]:
    """The commands of a fenced block: a line continued with a backslash is one command (its options on the next
    lines belong to it), a shell prompt '$ ' is dropped, and 'a && b' is two commands; comments dropped."""
    uit: list[str] = []
    for r in blok.replace("\\\n", " ").splitlines():
        r = r.split(" #")[0].strip()
        if not r or r.startswith("#"):
            continue
        uit += [deel.strip().removeprefix("$ ") for deel in r.split("&&")]
    return uit


def codestukken(tekst: str) -> list[str]:
    """Inline code spans and the commands of fenced blocks (bloklijnen), in README order."""
    stukken: list[str] = []
    blokken = re.split(r"^```.*$", tekst, flags=re.MULTILINE)
    for i, blok in enumerate(blokken):
        if i % 2:  # inside a fenced block
            stukken += bloklijnen(blok)
        else:
            stukken += re.findall(r"`([^`\n]+)`", blok)
    return stukken


def bash_aanroepen(tekst: str) -> list[str]:
    """Every `evaluatie ...` command of a ```bash block: the README's examples to type as they stand."""
    blokken = re.findall(r"^```bash\n(.*?)^```", tekst, flags=re.MULTILINE | re.DOTALL)
    return [r for blok in blokken for r in bloklijnen(blok) if r.startswith("evaluatie ")]


def aanroep(stuk: str, bekend: dict[tuple[str, ...], click.Command]) -> tuple[tuple[str, ...], list[str]]:
    """'evaluatie template beoordeling --overschrijven' -> (('template', 'beoordeling'), ['--overschrijven'])."""
    try:
        woorden = shlex.split(stuk)[1:]
    except ValueError:
        woorden = stuk.split()[1:]
    pad: tuple[str, ...] = ()
    for w in woorden:
        if (*pad, w) in bekend:
            pad = (*pad, w)
        else:
            break
    if not pad and woorden and not woorden[0].startswith("-"):
        pad = (woorden[0],)  # an unknown command: reported by the caller
    return pad, [w.split("=")[0] for w in woorden if w.startswith("--")]


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_iedere_opdracht_en_optie_staat_in_de_readme() -> None:
    stukken = codestukken(readme())
    bekend = commandos()
    aanroepen = {aanroep(s, bekend)[0] for s in stukken if s.startswith("evaluatie ")}
    genoemd = {a[:n] for a in aanroepen for n in range(1, len(a) + 1)}  # a subcommand names its group
    tokens = {t.split("=")[0] for s in stukken for t in s.split() if t.startswith("--")}
    ontbreekt = [" ".join(p) for p in sorted(bekend) if p not in genoemd]
    assert ontbreekt == [], f"opdrachten zonder `evaluatie ...` in de README: {ontbreekt}"
    zonder = [
        f"evaluatie {' '.join(p)} {o}"
        for p, cmd in sorted(bekend.items())
        for o in sorted(opties(cmd) - ALTIJD)
        if o.startswith("--") and o not in tokens
    ]
    assert zonder == [], f"opties die de README niet noemt: {zonder}"


def test_alles_wat_de_readme_noemt_bestaat() -> None:
    stukken = codestukken(readme())
    bekend = commandos()
    alle_opties = set().union(*(opties(c) for c in bekend.values())) | ALTIJD
    fout = []
    for s in stukken:
        if s.startswith("evaluatie "):
            pad, genoemde_opties = aanroep(s, bekend)
            if pad and pad not in bekend:
                fout.append(f"`{s}`: geen opdracht '{' '.join(pad)}'")
                continue
            geldig = (opties(bekend[pad]) if pad else set()) | ALTIJD
            fout += [
                f"`{s}`: {o} is geen optie van 'evaluatie {' '.join(pad)}'" for o in genoemde_opties if o not in geldig
            ]
        elif s.startswith("--"):
            optie = s.split()[0].split("=")[0]
            if optie not in alle_opties:
                fout.append(f"`{s}`: geen optie van een opdracht")
    assert fout == []


def test_ieder_voorbeeld_in_een_bash_blok_is_een_geldige_aanroep() -> None:
    """A command to type as it stands (a ```bash block) gives every required option and argument, and each value
    is one the option takes (a choice, a date): an example missing '--door' or with '--uitkomst afgewezen' fails
    at the user's first try. Placeholders belong in inline text, not in a bash block."""
    bekend = commandos()
    fout = []
    for s in bash_aanroepen(readme()):
        pad, _ = aanroep(s, bekend)
        cmd = bekend.get(pad)
        if cmd is None or isinstance(cmd, click.Group):
            fout.append(f"`{s}`: geen opdracht")
            continue
        try:
            cmd.make_context("evaluatie " + " ".join(pad), shlex.split(s)[1 + len(pad) :])
        except click.exceptions.Exit:
            pass
        except click.ClickException as e:
            fout.append(f"`{s}`: {e.format_message()}")
    assert fout == []


def test_iedere_optie_en_ieder_argument_heeft_een_hulptekst() -> None:
    """`evaluatie contract keuze --help` showed '--gemeente TEKST [verplicht]' and nothing more: what to type there
    (a gemeente, a lot code, which supplier) is in --help of every option; an argument is named in its command's
    own text."""
    zonder = [
        f"evaluatie {' '.join(p)} {o.opts[0]}"
        for p, cmd in sorted(commandos().items())
        for o in cmd.params
        if isinstance(o, click.Option) and not (o.help or "").strip()
    ]
    assert zonder == []
    for p, cmd in commandos().items():
        for a in cmd.params:
            if isinstance(a, click.Argument):
                assert (a.metavar or a.name or "").upper() in (cmd.help or "").upper(), (p, a.name)


def test_iedere_datumoptie_noemt_haar_schrijfwijze() -> None:
    """`keurmerk --verlengd-tot`, `--bewijs` and `toelichting --ontvangen` said nothing of how to write the date
    (JJJJ-MM-DD; 26-05-2021 is refused there), the contract commands only 'DATUM' (where 26-05-2021 is read)."""
    zonder = [
        f"evaluatie {' '.join(p)} {o.opts[0]}"
        for p, cmd in sorted(commandos().items())
        for o in cmd.params
        if isinstance(o, click.Option)
        and "atum" in (o.help or "")
        and "JJJJ-MM-DD" not in f"{o.help} {o.metavar or ''}".upper()
    ]
    assert zonder == []


def test_een_optie_die_pas_bij_het_uitvoeren_verplicht_is_zegt_dat_in_de_hulp(voorbeeld: Path) -> None:
    """contract start refuses to run without --datum, --door and --reden (all three errors together, so click's own
    'required' is not used); its --help did not say they are needed."""
    from click.testing import CliRunner

    res = CliRunner().invoke(main, ["contract", "start", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 2
    hulp = {o.opts[0]: o.help or "" for o in commandos()["contract", "start"].params if isinstance(o, click.Option)}
    for optie in ("--datum", "--door", "--reden"):
        assert f"{optie}:" in res.output
        assert "verplicht" in hulp[optie], optie


def test_de_readme_noemt_de_commandos_zonder_werkmap() -> None:
    """'Ieder commando neemt --werkmap MAP' was untrue for nieuw and regio: the sentence names its exceptions, and
    they are exactly the commands without --werkmap."""
    zin = re.search(r"Ieder commando neemt `--werkmap MAP`[^.]*behalve (.*?)\.\n\n", readme(), flags=re.DOTALL)
    assert zin, "README: de zin 'Ieder commando neemt `--werkmap MAP` ..., behalve ...' ontbreekt"
    genoemd = set(re.findall(r"`evaluatie ([a-z ]+)`", zin.group(1)))
    zonder = {
        " ".join(p)
        for p, cmd in commandos().items()
        if not isinstance(cmd, click.Group) and "--werkmap" not in opties(cmd)
    }
    assert genoemd == zonder


def test_de_controle_kan_falen() -> None:
    """A made-up command or option in a README is found; a missing one too."""
    bekend = commandos()
    assert aanroep("evaluatie template beoordeling --overschrijven", bekend) == (
        ("template", "beoordeling"),
        ["--overschrijven"],
    )
    assert aanroep("evaluatie verzin --iets", bekend)[0] == ("verzin",)
    assert ("verzin",) not in bekend
    stukken = codestukken("Tekst `evaluatie gunning --lots B1` en\n```bash\nevaluatie toets  # uitleg\n```\n`--json`")
    assert stukken == ["evaluatie gunning --lots B1", "evaluatie toets", "--json"]
    # a continued line is one command, a prompt and && are read through
    blok = "```bash\nevaluatie loting --lots B1 \\\n  --datum 2021-06-20\n$ evaluatie toets && evaluatie rapport --zip\n```\n"
    assert [" ".join(c.split()) for c in codestukken(blok)] == [
        "evaluatie loting --lots B1 --datum 2021-06-20",
        "evaluatie toets",
        "evaluatie rapport --zip",
    ]
    assert aanroep(codestukken(blok)[2], bekend) == (("rapport",), ["--zip"])  # '--zip' is no option of rapport
    onvolledig = bash_aanroepen(blok)[0]  # --volgorde and --getuige missing
    with pytest.raises(click.ClickException, match="--volgorde"):
        bekend["loting",].make_context("evaluatie loting", shlex.split(onvolledig)[2:])
    assert ("template", "systematiek") in bekend and ("template",) in bekend  # groups and their commands
