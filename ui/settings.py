"""Where window sizes and splitter positions are remembered between runs.

`EVIDENCE_DESK_SETTINGS` names an .ini file to use instead of the person's own settings; the
tests set it so they never touch a real profile.
"""

import os

from PySide6.QtCore import QSettings

ORGANISATION = "EvidenceDesk"
APPLICATION = "EvidenceDesk"
OVERRIDE_VARIABLE = "EVIDENCE_DESK_SETTINGS"


def app_settings() -> QSettings:
    override = os.environ.get(OVERRIDE_VARIABLE)
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)
