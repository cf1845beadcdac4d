"""Route dependencies: the store, the caller (authentication) and their role (authorisation)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request

from myositis_cds.api._auth import Principal, Role, TokenStore, role_allows
from myositis_cds.api._errors import ApiError
from myositis_cds.store import Store

__all__ = ["CurrentStore", "get_store", "require"]

_LOCAL = Principal("local", "admin")  # --auth none (loopback only)


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


CurrentStore = Annotated[Store, Depends(get_store)]


def _authenticate(request: Request) -> Principal:
    tokens: TokenStore | None = request.app.state.tokens
    if tokens is None:
        return _LOCAL
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    principal = tokens.authenticate(token.strip()) if scheme.lower() == "bearer" else None
    if principal is None:
        raise ApiError(
            401,
            "a valid bearer token is required (Authorization: Bearer …)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return principal


def require(role: Role) -> Callable[[Request], Principal]:
    """Dependency: the caller, who must hold at least ``role``."""

    def dependency(request: Request) -> Principal:
        principal = _authenticate(request)
        if not role_allows(principal.role, role):
            raise ApiError(403, f"this needs the {role} role; the token's role is {principal.role}")
        return principal

    dependency.__name__ = f"require_{role}"
    return dependency
