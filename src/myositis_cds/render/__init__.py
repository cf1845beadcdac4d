"""Adapters out: terminal text, JSON, FHIR, CDS Hooks cards, HTML/PDF report."""
