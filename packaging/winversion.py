"""The Windows version resource of csdesk.exe, as a PyInstaller version file.

csdesk.spec writes it to build/ and passes it as ``EXE(version=...)``; Explorer
shows it under Properties > Details. PyInstaller's own ``versioninfo`` module
imports win32 helpers and so cannot be used on Linux; the text format (what
``pyi-grab_version`` prints) can be written anywhere.

    python packaging/winversion.py 0.1.0     # print it
"""

from __future__ import annotations

import re
import sys

FIELDS = {
    "CompanyName": "csdesk developers",
    "FileDescription": "csdesk - Customer Success desktop",
    "InternalName": "csdesk",
    "LegalCopyright": "MIT License, csdesk developers",
    "OriginalFilename": "csdesk.exe",
    "ProductName": "csdesk",
}


def numbers(version: str) -> tuple[int, int, int, int]:
    """'1.2.3rc1' -> (1, 2, 3, 0): Windows wants four 16-bit numbers."""
    parts = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    a, b, c, d = [*parts, 0, 0, 0, 0][:4]
    return a, b, c, d


def version_file_text(version: str) -> str:
    nums = numbers(version)
    strings = {**FIELDS, "FileVersion": version, "ProductVersion": version}
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums},
    prodvers={nums},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [ {table} ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


if __name__ == "__main__":
    print(version_file_text(sys.argv[1] if len(sys.argv) > 1 else "0.0.0"), end="")
