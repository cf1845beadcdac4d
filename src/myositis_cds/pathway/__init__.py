"""The clinical pathway: one pure module per stage, no I/O.

classification → antibodies → cancer_risk → screening → tumours → course. Each stage takes the
validated :class:`~myositis_cds.case.Case` (already cut to the assessment date) and returns a
typed result; recommendations and warnings go into a shared :class:`Notes`.
"""
