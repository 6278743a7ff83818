"""Where a text file is not UTF-8, and what it probably is: the line and the byte, never just 'not UTF-8'.

A YAML file saved by Kladblok or Excel on Windows is often Windows-1252: 'café' is then the byte 0xE9, which
UTF-8 cannot read. The message names the line and column of the first such byte, shows what the byte is in
Windows-1252, and says how to save the file, so the user can find it in a file of hundreds of lines.
"""

from __future__ import annotations


def utf8_plaats(data: bytes, fout: UnicodeDecodeError) -> tuple[int, int]:
    """(line, column) of the first byte UTF-8 could not read, both counted from 1."""
    voor = data[: fout.start]
    regel = voor.count(b"\n") + 1
    kolom = len(voor) - (voor.rfind(b"\n") + 1) + 1
    return regel, kolom


def utf8_bericht(data: bytes, fout: UnicodeDecodeError) -> tuple[str, str]:
    """(' (regel 3, kolom 7)', the message) for a file UTF-8 could not read."""
    regel, kolom = utf8_plaats(data, fout)
    byte = data[fout.start]
    try:
        als = bytes([byte]).decode("cp1252")
        vermoeden = f" (in Windows-1252 is dat '{als}')" if als.isprintable() else ""
    except UnicodeDecodeError:
        vermoeden = ""
    return (
        f" (regel {regel}, kolom {kolom})",
        f"geen tekstbestand in UTF-8: byte 0x{byte:02X}{vermoeden} is geen UTF-8; het bestand is waarschijnlijk in een "
        "andere tekenset opgeslagen: sla het op als UTF-8 (Kladblok: Opslaan als, Codering UTF-8)",
    )
