"""The main window's pages: each holds its form and calls into the core."""
