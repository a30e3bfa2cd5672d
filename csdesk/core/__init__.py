"""The csdesk core: domain rules, storage and paths. Never imports Qt."""
