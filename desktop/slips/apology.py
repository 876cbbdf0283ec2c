"""The apology template, for the slips' callers: it lives in the core
(``desktop.core.apology_template``), where the letter is composed without ReportLab."""

from desktop.core.apology_template import (
    FIELDS,
    TEMPLATE_NAME,
    TemplateError,
    fill_apology,
    load_apology_template,
    shipped_template_name,
    validate_apology_template,
)

__all__ = ["FIELDS", "TEMPLATE_NAME", "TemplateError", "fill_apology", "load_apology_template",
           "shipped_template_name", "validate_apology_template"]
