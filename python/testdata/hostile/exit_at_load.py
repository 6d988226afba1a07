"""Hostile: raises SystemExit(3) while the module loads."""
raise SystemExit(3)
