"""The words that name a clinic, a unit or a service before a name, shared by conditions
and procedures: what follows them names where the visit is, not what the patient has or had
done."""

from __future__ import annotations

import re

# Hebrew writes the setting before the name: "במרפאת X", "ביחידת ה-X", "מכון ל-X".
SETTING_BEFORE = re.compile(
    r"(?:[בל]?מרפאת|[בל]?יחידת|[בל]?מחלקת|[בל]?מכון\s+ל|[בל]?מרפאה\s+ל|[בל]?מרפאות|"
    r"אחות|אחות\s+ל)\s*-?\s*(?:ה-?)?\s*$"
)
