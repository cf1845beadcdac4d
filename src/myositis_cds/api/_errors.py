"""Error responses (contract §4).

422 ``{"errors": [{"path", "message"}]}`` with the same messages as the CLI; every other 4xx is
``{"error": message}``; 500 (see :mod:`._middleware`) carries only an error id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from myositis_cds.api._bodies import UnsupportedMediaType
from myositis_cds.errors import CaseError, format_path
from myositis_cds.store import PatientNotFound, StaleRevision

__all__ = ["ApiError", "install_error_handlers"]


class ApiError(Exception):
    """An error the client can act on: status, plain message, optional headers."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


def _unprocessable(errors: list[dict[str, Any]]) -> JSONResponse:
    return JSONResponse({"errors": errors}, status_code=422)


async def _case_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CaseError)
    return _unprocessable(exc.as_json())


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        # ("query", "as_of") → "as_of": the parameter is named as the client sent it.
        loc = [p for p in err.get("loc", ()) if isinstance(p, str | int)]
        if loc and loc[0] in ("query", "path", "header", "body"):
            loc = loc[1:]
        message = str(err.get("msg", "is invalid"))
        if "input" in err and err.get("type") in ("literal_error", "enum"):
            message = f"{err['input']!r}: {message}"
        errors.append({"path": format_path(loc), "message": message})
    return _unprocessable(errors)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "request refused"
    return JSONResponse(
        {"error": detail}, status_code=exc.status_code, headers=dict(exc.headers or {})
    )


async def _not_found(_request: Request, exc: Exception) -> JSONResponse:
    # The id is not echoed: a client could have put anything in the URL.
    return JSONResponse({"error": "no patient with this id"}, status_code=404)


async def _stale(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StaleRevision)
    return JSONResponse({"error": str(exc)}, status_code=412, headers={"ETag": f'"{exc.current}"'})


async def _unsupported(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=415)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PatientNotFound, _not_found)
    app.add_exception_handler(StaleRevision, _stale)
    app.add_exception_handler(UnsupportedMediaType, _unsupported)
    app.add_exception_handler(CaseError, _case_error)
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
