"""The fact readers, one module per kind of fact."""
