"""ASGI middleware: the access log, the 500 guard, the body limit and the CDS Hooks
concurrency cap (security headers: :mod:`._security`).

The access log line holds the method, the *route template* (``/api/patients/{patient_id}``,
never the concrete path or the query string), the status and the duration: nothing a patient
could be identified by. An unexpected exception becomes a 500 whose body carries only an error
id; the log line for it has that id and the exception's type, never its message or the request.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "ACCESS_LOG",
    "CDS_PREFIX",
    "ERROR_LOG",
    "AccessLog",
    "BodyLimit",
    "ConcurrencyCap",
]

ACCESS_LOG = logging.getLogger("myositis_cds.access")
ERROR_LOG = logging.getLogger("myositis_cds.error")


def _json_response(status: int, body: dict[str, Any]) -> tuple[Message, Message]:
    payload = json.dumps(body).encode("utf-8")
    return (
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        },
        {"type": "http.response.body", "body": payload},
    )


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception as exc:
            error_id = str(uuid.uuid4())
            ERROR_LOG.error(
                json.dumps({"event": "internal_error", "id": error_id, "type": type(exc).__name__})
            )
            status = 500
            if not response_started:
                for message in _json_response(500, {"error": "internal error", "id": error_id}):
                    await send(message)
        finally:
            route = scope.get("route")
            ACCESS_LOG.info(
                json.dumps(
                    {
                        "event": "request",
                        "method": scope.get("method"),
                        "route": getattr(route, "path", None) or "(no route)",
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    }
                )
            )


class _BodyTooLarge(Exception):
    pass


class BodyLimit:
    """413 for a request body over ``max_bytes`` (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = 0
                if declared > self.max_bytes:
                    await self._refuse(send)
                    return
        seen = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def send_wrapper(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, send_wrapper)
        except _BodyTooLarge:
            if not response_started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        limit = self.max_bytes / (1024 * 1024)
        for message in _json_response(
            413, {"error": f"the request body is larger than the limit ({limit:g} MB)"}
        ):
            await send(message)


CDS_PREFIX = "/cds-services"


class ConcurrencyCap:
    """At most ``limit`` requests in flight under ``prefix`` (per server process); the next
    one is refused at once with 429 and ``Retry-After`` instead of queueing behind them.

    CDS Hooks calls arrive from an EHR on every chart opening and may each fetch from a FHIR
    server: a burst must not starve the REST API and the web page of workers and connections.
    One event loop runs the app, so the counter needs no lock (no await between test and set).
    """

    def __init__(self, app: ASGIApp, *, prefix: str, limit: int) -> None:
        self.app = app
        self.prefix = prefix
        self.limit = limit
        self.in_flight = 0

    def _applies(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._applies(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            start, body = _json_response(
                429, {"error": "too many CDS Hooks requests at once; retry in a second"}
            )
            start["headers"].append((b"retry-after", b"1"))
            await send(start)
            await send(body)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
