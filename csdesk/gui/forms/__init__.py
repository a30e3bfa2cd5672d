"""Modules generated from the Designer forms in ui/."""
