"""Page panels and search providers of this app (see thidua.panels)."""
