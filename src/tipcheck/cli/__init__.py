"""The command line: parses arguments, calls tipcheck.api and picks a formatter. Nothing else imports it."""
