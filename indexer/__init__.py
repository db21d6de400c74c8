"""Reading reports: readers, extraction, facets and the report generator."""
