"""Decisions only a person can take, recorded by commands in besluiten.yaml and re-checked on every run.

A draw stays in loting.yaml (gunning/loting.py); every other decision lives here: a correction
of a manifest error in a bid (herstel), the outcome of an abnormally-low-bid explanation
(art. 2.116 Aw 2012), the weighing of a declared exclusion ground (art. 2.86/2.87/2.87a) and
a keurmerk that lapses before the award. Each records what it was based on (its premise); a
run whose inputs no longer match that premise never applies it: the decision is stale (besluiten.verouderd),
computed without, kept on record and an open point (exit 1, a CONCEPT advies) until it is withdrawn.
"""
