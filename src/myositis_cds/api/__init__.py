"""The HTTP service (contract §4): REST routes, with CDS Hooks and the web page mounted when
present. Needs the ``server`` extra.

>>> from myositis_cds.api import Settings, create_app   # doctest: +SKIP
>>> app = create_app(Settings(db_url="sqlite:///cds.sqlite3", auth="none"))  # doctest: +SKIP
"""

from __future__ import annotations

from myositis_cds.api._app import OPTIONAL_ROUTERS, InsecureSettings, check_settings, create_app
from myositis_cds.api._auth import ROLES, Principal, Role, create_token, role_allows
from myositis_cds.api._bodies import CASE_READERS, UnsupportedMediaType
from myositis_cds.api._deps import CurrentStore, get_store, require
from myositis_cds.api._errors import ApiError
from myositis_cds.api._settings import DEFAULT_MAX_BODY_BYTES, Settings

__all__ = [
    "CASE_READERS",
    "DEFAULT_MAX_BODY_BYTES",
    "OPTIONAL_ROUTERS",
    "ROLES",
    "ApiError",
    "CurrentStore",
    "InsecureSettings",
    "Principal",
    "Role",
    "Settings",
    "UnsupportedMediaType",
    "check_settings",
    "create_app",
    "create_token",
    "get_store",
    "require",
    "role_allows",
]
