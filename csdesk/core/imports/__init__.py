"""Imports from the files a CSM actually has: Salesforce, Jira, Teamwork, a team directory.

Every import goes through :func:`csdesk.core.imports.base.run_import`: the
whole file in one transaction (all or nothing), a dry run, a column mapping
remembered per format, per-row errors naming the row and the column, progress
and cancel, and re-import that updates records by their external id.
"""
