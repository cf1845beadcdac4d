"""The compiled programmes of the rules' regular expressions, kept between processes.

issue #10 (i13a): a fresh process spent about two seconds, before reading its first note,
parsing and compiling the rules' patterns (term-list tries, ConText and value patterns;
:func:`myositis_cds.ingest.text._rules.compile_rule`). What the engine's compiler makes of a
pattern is a list of integers fully set by the pattern, its flags, this Python's engine and our
own rewriting of the parse (``_rules``); so it is kept in one file in the user's cache
directory, and the next process hands it straight to the engine (``_sre.compile``, what
``re.compile`` itself ends with), which validates it again.

The file's name is a hash of everything the programmes depend on: the Python version and its
engine's magic number, the source of ``_rules.py`` and of this module, and every rules file. A
changed rules file or code therefore opens a new, empty file (the old ones are removed when it
is written) and is never answered from a stale one; each entry is also looked up by its own
pattern and flags. A file that cannot be read (corrupt, another format) is ignored, one that
cannot be written is skipped: either way the patterns are compiled as before.

``MYOSITIS_CDS_CACHE_DIR`` names another directory; set to an empty string, nothing is read or
written.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import sys
import tempfile
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "cache_file",
    "content_key",
    "engine",
    "kept_document",
    "kept_value",
    "lookup",
    "record",
    "save",
]

# (pattern, flags, first characters or None) -> the arguments of _sre.compile
_Key = tuple[str, int, str | None]
_Programme = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]

_T = TypeVar("_T")
_FORMAT = 3
_PREFIX = "rule-programmes-"
_SUFFIX = ".marshal"
_RULES = Path(__file__).with_name("rules")


def cache_dir() -> Path | None:
    """Where the programmes are kept, or None when the cache is turned off."""
    chosen = os.environ.get("MYOSITIS_CDS_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("myositis-cds"))
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "myositis-cds"


def content_key(rules_dir: Path = _RULES) -> str:
    """A hash of everything a compiled programme depends on (see the module's docstring)."""
    sre = engine()
    h = hashlib.sha256()
    h.update(f"{_FORMAT}|{sys.version}|{sre.MAGIC}|{sre.CODESIZE}".encode())
    for path in (Path(__file__).with_name("_rules.py"), Path(__file__)):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(rules_dir.glob("*.yaml")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cache_file() -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"{_PREFIX}{content_key()}{_SUFFIX}"


class _Store:
    def __init__(self) -> None:
        self.loaded = False
        self.path: Path | None = None
        self.entries: dict[Any, Any] = {}
        self.added = 0
        self.registered = False

    def load(self) -> None:
        self.loaded = True
        try:
            self.path = cache_file()
        except Exception:  # no home directory, an unreadable rules folder: no cache
            self.path = None
        if self.path is None:
            return
        self.entries = read(self.path)


_STORE = _Store()


def read(path: Path) -> dict[Any, Any]:
    """The programmes in ``path``, or none when it is missing, corrupt or of another format."""
    try:
        data = path.read_bytes()
        digest, body = data[:32], data[32:]
        if hashlib.sha256(body).digest() != digest:
            return {}
        entries = marshal.loads(body)
    except Exception:  # missing, unreadable, truncated: compiled afresh
        return {}
    return entries if isinstance(entries, dict) else {}


def write(path: Path, entries: dict[Any, Any]) -> bool:
    """Write ``entries`` to ``path`` whole (through a temporary file), removing the files of
    other keys; False, and nothing raised, when the directory cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        body = marshal.dumps(entries)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(hashlib.sha256(body).digest() + body)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
            if old != path:
                old.unlink(missing_ok=True)
        return True
    except Exception:  # a read-only or full disk: the next process compiles again
        return False


def lookup(key: _Key) -> Any:
    """The compiled pattern kept under ``key``, or None."""
    if not _STORE.loaded:
        _STORE.load()
    kept = _STORE.entries.get(key)
    if kept is None:
        return None
    try:
        pattern, flags, code, groups, groupindex, indexgroup = kept
        words = array(_code_type())
        words.frombytes(code)
        return engine().compile(pattern, flags, words.tolist(), groups, groupindex, indexgroup)
    except Exception:  # a programme the engine rejects: compiled afresh
        del _STORE.entries[key]
        return None


def record(key: _Key, programme: _Programme) -> None:
    """Keep ``programme`` for ``key``; the file is written when the process ends (or by
    :func:`save`)."""
    if not _STORE.loaded:
        _STORE.load()
    pattern, flags, code, groups, groupindex, indexgroup = programme
    # the code as the engine's words in bytes: a quarter of the file and read in one piece
    words = array(_code_type(), code).tobytes()
    _add(key, (pattern, flags, words, groups, groupindex, indexgroup))


def kept_value(
    kind: str,
    source: str,
    build: Callable[[], _T],
    keep: Callable[[_T], bool] = lambda value: True,
) -> _T:
    """``build()``, or what it gave in an earlier process for the same ``kind`` and ``source``
    (a string that holds everything ``build`` reads, hashed for the key). Only for values
    marshal keeps as they are (strings, numbers, tuples, lists, dicts, None) and that are set
    by ``source`` and the code the file's key covers (``_rules.py``); a value ``keep`` refuses
    is built again in every process."""
    if not _STORE.loaded:
        _STORE.load()
    key = (kind, hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest())
    if key in _STORE.entries:
        kept: _T = _STORE.entries[key]
        return kept
    value = build()
    if keep(value):
        _add(key, value)
    return value


def kept_document(text: str, parse: Callable[[str], Any], kind: str) -> Any:
    """``parse(text)``, or what it gave in an earlier process for the same ``text`` (issue #10,
    i32s: a rules file's parsed YAML, a third of a second of a fresh process). ``kind`` names the
    parser and its version, which the file's key does not cover. Kept only when marshal keeps
    the document as it is (strings, numbers, booleans, None, lists and dicts: a YAML date is
    not kept, and the document is parsed in every process)."""
    return kept_value(kind, text, lambda: parse(text), keep=_marshallable)


def _marshallable(value: Any) -> bool:
    try:
        marshal.dumps(value)
    except ValueError:  # an object marshal cannot keep
        return False
    return True


def _add(key: Any, value: Any) -> None:
    if _STORE.path is None:
        return
    if not _STORE.registered:
        _STORE.registered = True
        atexit.register(save)
    _STORE.entries[key] = value
    _STORE.added += 1


def save() -> bool:
    """Write the programmes compiled since the file was read, if any."""
    if not _STORE.added or _STORE.path is None:
        return False
    _STORE.added = 0
    return write(_STORE.path, _STORE.entries)


@cache
def _code_type() -> str:
    """The array type code of the engine's code words (``_sre.CODESIZE`` bytes each)."""
    size = engine().CODESIZE
    return next(t for t in "ILQ" if array(t).itemsize == size)


@cache
def engine() -> Any:
    import _sre  # type: ignore[import-not-found]

    return _sre
