"""csdesk: a desktop workbench for a Customer Success Manager."""

__version__ = "0.1.0"
APP_NAME = "csdesk"
APP_ID = "io.github.csdesk.CsDesk"
