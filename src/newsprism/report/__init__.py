"""Reports: the analysis JSON (with its JSON Schema) and the report folder of HTML pages."""

from newsprism.report.analysis import (
    ANALYSIS_VERSION,
    build_analysis,
    load_schema,
    validate_analysis,
    write_analysis,
)
from newsprism.report.site import write_analysis_report, write_report

__all__ = [
    "ANALYSIS_VERSION",
    "build_analysis",
    "load_schema",
    "validate_analysis",
    "write_analysis",
    "write_analysis_report",
    "write_report",
]
