"""The Qt user interface. Widgets only call into csdesk.core."""
