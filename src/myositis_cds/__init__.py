"""myositis-cds: clinical decision support for dermatomyositis and cancer-associated myositis."""

from __future__ import annotations

__version__ = "0.1.0"
