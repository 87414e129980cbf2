"""The desk officer's views of several reports: compare, merge, diff."""
