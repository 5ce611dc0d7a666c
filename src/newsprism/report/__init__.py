"""Reports: the analysis JSON (with its JSON Schema) and the static HTML page."""

from newsprism.report.analysis import (
    ANALYSIS_VERSION,
    build_analysis,
    load_schema,
    validate_analysis,
    write_analysis,
)
from newsprism.report.html import render_html, write_analysis_report, write_report

__all__ = [
    "ANALYSIS_VERSION",
    "build_analysis",
    "load_schema",
    "render_html",
    "validate_analysis",
    "write_analysis",
    "write_analysis_report",
    "write_report",
]
