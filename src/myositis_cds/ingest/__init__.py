"""Adapters in: case files, FHIR, OMOP and free text → :class:`~myositis_cds.case.Case`."""
