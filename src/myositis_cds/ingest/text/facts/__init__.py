"""The fact readers, one module per kind of fact read from a note.

Each reader takes the :class:`~myositis_cds.ingest.text._draft.Extraction` of one note and adds
its drafts; :func:`myositis_cds.ingest.text._extract.extract_drafts` calls them in turn, after
:mod:`~myositis_cds.ingest.text._timeline` has given every sentence its time.

- ``findings``: clinical findings (rashes, weakness, dysphagia …) and the findings implied
- ``strength``: muscle strength grades from an examination, complaints of weakness
- ``labs``: laboratory values (CK, LDH, AST, ALT …) against their reference ranges
- ``antibodies``: myositis antibodies, their results and levels, panels
- ``investigations``: cancer screening and other tests: done, normal, abnormal, pending
- ``treatments``: drugs and when they started and stopped
- ``tumours``: tumours, their site, histology and attributes
- ``muscle_biopsy``: the features a muscle biopsy reports
- ``assessments``: core set measures (MMT-8, globals, HAQ, CDASI)
- ``patient``: age, sex, birth date, region, onset, whom a case report is about
"""
