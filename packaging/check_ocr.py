"""Before the window opens: can scanned documents be read here?

Chartside reads scanned pages with Debian's tesseract and its English and Hebrew data
(issue 30). Without them text PDFs still work and scans wait unread, so this only prints
the one `apt-get install` line that fixes it, and exits 1; else 0.

    python packaging/check_ocr.py
"""

from __future__ import annotations

import sys

from models.ocr import TesseractOcr


def main() -> int:
    line = TesseractOcr().missing()
    if line is None:
        return 0
    print(
        "Chartside reads scanned documents with tesseract, which is missing here "
        "(text PDFs still work).\nInstall it with:\n  " + line,
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
