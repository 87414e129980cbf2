"""tipcheck: check replies to the annual Trafficking in Persons (TIP) report questionnaire."""

__version__ = "0.1.0"
