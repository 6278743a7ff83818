"""Ctrl-C while the command line is still loading ends as Ctrl-C during a command does: 'Afgebroken.', exit 1.

Why: the console script and `python -m evaluatie` first import the command line (click, the stages: about 0.08 s of
the example's `gunning`), and an interrupt in that time reached Python's top level as a KeyboardInterrupt, which it
printed as a traceback of the import machinery (and ended the process by the signal). Once click runs the command it
turns Ctrl-C into its Abort, which `evaluatie.clijson.Hoofdgroep` says as 'Afgebroken.' on stderr (after the empty line
click writes where the terminal shows ^C), with exit code 1 and, with --json, the one document
`{"fouten": [{"plaats": "", "bericht": "afgebroken"}]}`.

The package imports this module first (`evaluatie/__init__.py`), and only for the command line (`_als_opdrachtregel`)
it puts `_afgebroken` in front of `sys.excepthook`: a KeyboardInterrupt that nothing caught ends the same way;
every other exception goes to the hook that was there, as before. Library use (`import evaluatie`, the tests) keeps
Python's own behaviour. What runs before the first line of this package (Python's own start and the search for the
package, about 0.015 s) cannot be reached from here.
"""

import os
import sys
from types import TracebackType

AFGEBROKEN = "Afgebroken."  # click's 'Aborted!' as evaluatie.clicktaal says it
JSON_AFGEBROKEN = {"fouten": [{"plaats": "", "bericht": "afgebroken"}]}  # evaluatie.clijson.Hoofdgroep._hoofd


def _als_opdrachtregel() -> bool:
    """Whether this process is the command line: the console script (its file is named evaluatie) or
    `python -m evaluatie` (while the package loads for -m, sys.argv[0] is '-m'; sys.orig_argv names the module)."""
    bestand = getattr(sys.modules.get("__main__"), "__file__", None) or ""
    if os.path.basename(bestand).split(".")[0] in ("evaluatie", "evaluatie-script"):
        return True
    argv = list(getattr(sys, "orig_argv", []))
    return sys.argv[:1] == ["-m"] and any(
        a == "-mevaluatie" or (a == "-m" and argv[i + 1 : i + 2] == ["evaluatie"]) for i, a in enumerate(argv)
    )


def _json_gevraagd() -> bool:
    """--json anywhere among the arguments before '--', as evaluatie.clijson reads it."""
    for a in sys.argv[1:]:
        if a == "--":
            return False
        if a == "--json":
            return True
    return False


def _afgebroken(soort: type[BaseException], fout: BaseException, spoor: TracebackType | None) -> None:
    if not issubclass(soort, KeyboardInterrupt):
        _VORIGE[0](soort, fout, spoor)
        return
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not interrupt the message
    try:
        sys.stdout.flush()  # what a command printed before (an interrupt after it returned)
        sys.stderr.write(f"\n{AFGEBROKEN}\n")
        sys.stderr.flush()
        if _json_gevraagd():
            import json

            sys.stdout.write(json.dumps(JSON_AFGEBROKEN, ensure_ascii=False, indent=2) + "\n")
            sys.stdout.flush()
    except (OSError, ValueError):
        pass  # a closed stderr or stdout: the exit code still says it
    os._exit(1)


_VORIGE = [sys.excepthook]
if _als_opdrachtregel():
    sys.excepthook = _afgebroken
