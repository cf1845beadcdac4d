"""HTTP adapters: the REST service, CDS Hooks and the clinic's web page (``web``)."""
