from ui.pyside_fixes import pin_booleans

pin_booleans()
