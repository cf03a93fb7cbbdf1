"""Text contrast of at least 4.5:1 (WCAG 2 AA), for the palette and the app's own colours.

Qt's default (Fusion) palette greys disabled text to about 1.6:1 and puts white on a
highlight of about 3.6:1; those pairs are moved just far enough to pass, keeping their hue.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MIN_CONTRAST = 4.5

# The app's own colours, each meant for text on the default window/base background or on
# the background named beside it.
ERROR_TEXT = "#5f2120"
ERROR_BACKGROUND = "#fdecea"
ERROR_BORDER = "#d93025"
ALERT_TEXT = "#b3261e"
WARNING_TEXT = "#8a5300"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
GROUPS = (Group.Active, Group.Inactive, Group.Disabled)
# (text role, background role, which one to move): the pairs Qt draws text with.
TEXT_PAIRS: tuple[tuple[Role, Role, str], ...] = (
    (Role.WindowText, Role.Window, "fg"),
    (Role.Text, Role.Base, "fg"),
    (Role.Text, Role.AlternateBase, "fg"),
    (Role.ButtonText, Role.Button, "fg"),
    (Role.PlaceholderText, Role.Base, "fg"),
    (Role.ToolTipText, Role.ToolTipBase, "fg"),
    (Role.Link, Role.Base, "fg"),
    (Role.LinkVisited, Role.Base, "fg"),
    # White on the selection colour reads as "selected"; darken the selection instead.
    (Role.HighlightedText, Role.Highlight, "bg"),
)


def luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def over(fg: QColor, bg: QColor) -> QColor:
    """`fg` as it shows on `bg` (Qt's placeholder colour, for one, is half transparent)."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def contrast(fg: QColor | str, bg: QColor | str) -> float:
    """WCAG contrast ratio (1 to 21) of text `fg` on background `bg`."""
    back = over(QColor(bg), QColor("white"))
    lums = sorted((luminance(over(QColor(fg), back)), luminance(back)), reverse=True)
    return (lums[0] + 0.05) / (lums[1] + 0.05)


def readable(moving: QColor, fixed: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """`moving`, darkened or lightened (away from `fixed`) just enough to reach `minimum`
    contrast against `fixed`; unchanged when it already does."""
    moving = over(moving, fixed)
    if contrast(moving, fixed) >= minimum:
        return moving
    # Towards whichever end can give the contrast: black for light backgrounds.
    target = QColor("black") if contrast("black", fixed) >= contrast("white", fixed) else None
    target = target or QColor("white")
    for step in range(1, 101):
        t = step / 100
        candidate = QColor.fromRgbF(
            moving.redF() + (target.redF() - moving.redF()) * t,
            moving.greenF() + (target.greenF() - moving.greenF()) * t,
            moving.blueF() + (target.blueF() - moving.blueF()) * t,
        )
        if contrast(candidate, fixed) >= minimum:
            return candidate
    return target


def accessible_palette(palette: QPalette) -> QPalette:
    """A copy of `palette` whose every text pair, in every colour group, reaches 4.5:1."""
    out = QPalette(palette)
    for group in GROUPS:
        for fg_role, bg_role, move in TEXT_PAIRS:
            fg, bg = out.color(group, fg_role), out.color(group, bg_role)
            if move == "fg":
                out.setColor(group, fg_role, readable(fg, bg))
            else:
                out.setColor(group, bg_role, readable(bg, fg))
    return out


def muted_text(palette: QPalette) -> QColor:
    """A quieter text colour for secondary rows (an answer's uncited sources) that still
    reads at 4.5:1 on the list's background."""
    base = palette.color(Group.Active, Role.Base)
    return readable(palette.color(Group.Disabled, Role.Text), base)


def install_accessible_palette(app: QApplication) -> None:
    app.setPalette(accessible_palette(app.palette()))
