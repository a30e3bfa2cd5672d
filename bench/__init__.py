"""csdesk's performance benchmark (issue 8): ``python -m bench [--smoke] [--json FILE]``."""
