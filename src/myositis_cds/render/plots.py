"""The timeline plot: antibody, CK and total improvement score over time above the lines of
therapy, with tumour removal, flares and remissions marked on every panel.

Drawn from the course's :class:`~myositis_cds.pathway.timeline.Timeline` (the one ordered
structure of the case) and its responses. matplotlib is an optional dependency (the ``report``
extra), imported inside the functions so that importing this module costs nothing. No pyplot:
figures are built on the object API with the Agg/SVG canvases, headless and without global state.
"""

from __future__ import annotations

import importlib
import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

from myositis_cds.pathway._calendar import add_days
from myositis_cds.pathway.course import Course, response_criteria
from myositis_cds.pathway.timeline import TimelineEntry

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["timeline_figure", "timeline_png", "timeline_svg"]

_ORDINAL = {"negative": 0, "weak_positive": 1, "positive": 2}
_COLOURS = ["#1f4e79", "#b35900", "#2e7d32", "#6a1b9a", "#c62828"]
_MARKS = {  # timeline kind/code -> (colour, line style, legend label)
    "removal": ("#000000", "-", "tumour removal / surgery"),
    "tumour_found": ("#6a1b9a", ":", "tumour found"),
    "flare": ("#c62828", "--", "flare / relapse"),
    "better": ("#2e7d32", ":", "improvement / remission"),
}


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise RuntimeError(
            "the report needs the optional plotting libraries: pip install 'myositis-cds[report]'"
        ) from exc


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    with (
        warnings.catch_warnings(),
        matplotlib.rc_context(
            {
                "font.family": "DejaVu Sans",  # shipped with matplotlib: no system fonts needed
                "font.size": 8,
                "text.parse_math": False,  # user text ("$x^{$" in a unit) is text, never mathtext
                "text.usetex": False,
                "svg.fonttype": "path",  # text as outlines: the SVG needs no fonts at all
                "svg.hashsalt": "myositis-cds",  # stable element ids: same case, same SVG
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        ),
    ):
        # Library warnings can quote the text being drawn: none reaches stderr.
        warnings.simplefilter("ignore")
        yield


def timeline_figure(course: Course, *, width_in: float = 10.0) -> Figure:
    """The four-panel timeline figure (not yet rendered)."""
    _require_matplotlib()
    from matplotlib.figure import Figure

    mdates: Any = importlib.import_module("matplotlib.dates")  # untyped module

    tl = course.timeline
    lines = course.treatments
    rows = max(len(lines), 1)
    fig = Figure(figsize=(width_in, 6.2 + 0.22 * rows), layout="constrained")
    axes: Any = fig.subplots(4, 1, sharex=True, height_ratios=[1.2, 1.0, 1.2, 0.35 + 0.22 * rows])
    ax_ab, ax_ck, ax_tis, ax_tx = (axes[0], axes[1], axes[2], axes[3])

    start, end = _span(course)
    _antibody_panel(ax_ab, tl.entries)
    _ck_panel(ax_ck, tl.entries)
    _tis_panel(ax_tis, course)
    _therapy_panel(ax_tx, course, end)

    for ax in axes:
        _event_lines(ax, tl.entries)
        ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax_tx.set_xlim(start, end)
    _event_labels(ax_ab, tl.entries)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax_tx.xaxis.set_major_locator(locator)
    ax_tx.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    _legend(fig, ax_ab, tl.entries)
    fig.suptitle(f"Course to {tl.as_of.isoformat()}", fontsize=10, x=0.01, ha="left")
    return fig


def timeline_svg(course: Course) -> str:
    """The figure as an SVG element (no XML prologue), ready to inline in HTML."""
    with _style():
        fig = timeline_figure(course)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


def timeline_png(course: Course, *, dpi: int = 200) -> bytes:
    with _style():
        fig = timeline_figure(course)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


# --------------------------------------------------------------------------- panels
def _span(course: Course) -> tuple[date, date]:
    days = [e.date for e in course.timeline.entries] or [course.timeline.as_of]
    first, last = min(days), course.timeline.as_of
    margin = max(7, (last - first).days // 40)
    return add_days(first, -margin), add_days(last, margin)


def _antibody_panel(ax: Any, entries: list[TimelineEntry]) -> None:
    results = [e for e in entries if e.kind == "antibody"]
    codes = sorted({e.code for e in results if e.code and e.result != "negative"})
    shown = [e for e in results if e.code in codes and e.result in _ORDINAL]
    ax.set_title("Myositis antibodies", loc="left", fontsize=9, pad=26)
    if not shown:
        _empty(ax, "no positive myositis antibody recorded")
        return
    units = {e.unit for e in shown}
    by_level = all(e.value is not None for e in shown) and len(units) == 1
    for i, code in enumerate(codes):
        series = [e for e in shown if e.code == code]
        colour = _COLOURS[i % len(_COLOURS)]
        ys = [e.value if by_level else _ORDINAL[e.result or ""] for e in series]
        ax.plot([e.date for e in series], ys, marker="o", color=colour, label=f"anti-{code}")
        if not by_level:
            for e, y in zip(series, ys, strict=True):
                if e.value is not None:
                    ax.annotate(
                        f"{e.value:g}",
                        (e.date, y),
                        textcoords="offset points",
                        xytext=(4, 4),
                        fontsize=7,
                        color=colour,
                    )
    if by_level:
        unit = next(iter(units)) or "level"
        ax.set_ylabel(f"level ({_short(unit)})")
        ax.set_ylim(bottom=0)
    else:
        ax.set_yticks([0, 1, 2], ["negative", "weak +", "positive"])
        ax.set_ylim(-0.4, 2.5)
    ax.legend(loc="best", fontsize=7, frameon=False)


def _ck_panel(ax: Any, entries: list[TimelineEntry]) -> None:
    ck = [e for e in entries if e.kind == "lab" and e.code == "ck"]
    ax.set_title("Creatine kinase", loc="left", fontsize=9)
    if not ck:
        _empty(ax, "no CK recorded")
        return
    valued = [e for e in ck if e.value is not None and e.upper_limit]
    flagged = [e for e in ck if e not in valued]
    top = 2.0
    if valued:
        ratios = [(e.value or 0) / (e.upper_limit or 1) for e in valued]
        ax.plot([e.date for e in valued], ratios, marker="s", color="#b35900", label="CK")
        top = max(top, max(ratios) * 1.15)
    for e in flagged:
        high = bool(e.above_uln)
        ax.plot(
            [e.date],
            [1.5 if high else 0.5],
            marker="^" if high else "o",
            markerfacecolor="#b35900" if high else "white",
            color="#b35900",
        )
        ax.annotate(
            "above ULN (no value)" if high else "within normal (no value)",
            (e.date, 1.5 if high else 0.5),
            textcoords="offset points",
            xytext=(5, -3),
            fontsize=7,
            color="#555555",
        )
    ax.axhline(1.0, color="#888888", linestyle="--", linewidth=0.8)
    ax.text(
        1.0,
        1.0,
        " ULN",
        transform=ax.get_yaxis_transform(),
        fontsize=7,
        color="#555555",
        va="center",
    )
    ax.set_ylabel("× upper limit")
    ax.set_ylim(0, top)


def _tis_panel(ax: Any, course: Course) -> None:
    ax.set_title(
        "Total improvement score (2016 ACR/EULAR, vs first assessment)", loc="left", fontsize=9
    )
    if not course.response:
        _empty(ax, "no core-set assessments recorded — no total improvement score")
        ax.set_ylim(0, 100)
        return
    complete = [r for r in course.response if r.complete]
    partial = [r for r in course.response if not r.complete]
    if complete:
        ax.plot(
            [r.date for r in complete],
            [r.total_improvement_score for r in complete],
            marker="o",
            color="#1f4e79",
            linestyle="-",
            label="TIS",
        )
    for r in partial:
        ax.vlines(r.date, r.score_lower, r.score_upper, color="#1f4e79", linewidth=4, alpha=0.5)
        ax.annotate(
            f"incomplete: {r.score_lower:g}–{r.score_upper:g}",
            (r.date, r.score_upper),
            textcoords="offset points",
            xytext=(-5, 2),
            ha="right",
            fontsize=7,
            color="#1f4e79",
        )
    population = course.response[0].population
    levels = response_criteria().thresholds
    table = levels.juvenile if population == "juvenile" else levels.adult
    thresholds = {"minimal": table.minimal, "moderate": table.moderate, "major": table.major}
    for name, value in thresholds.items():
        ax.axhline(value, color="#999999", linestyle=":", linewidth=0.8)
        ax.text(
            1.0,
            value,
            f" {name}",
            transform=ax.get_yaxis_transform(),
            fontsize=7,
            color="#555555",
            va="center",
        )
    ax.set_ylim(0, 100)
    ax.set_ylabel("TIS (0-100)")


def _therapy_panel(ax: Any, course: Course, end: date) -> None:
    mdates: Any = importlib.import_module("matplotlib.dates")

    ax.set_title("Lines of therapy", loc="left", fontsize=9)
    lines = course.treatments
    if not lines:
        _empty(ax, "no treatment recorded")
        ax.set_yticks([])
        return
    for row, line in enumerate(lines):
        stop = line.stop or course.timeline.as_of
        left = mdates.date2num(line.start)
        width = max(mdates.date2num(stop) - left, 1.0)
        style: dict[str, Any]
        if line.systemic is False:
            style = {"facecolor": "#f3c98b", "edgecolor": "#b35900", "hatch": "////"}
        elif line.systemic is None:
            style = {"facecolor": "#cccccc", "edgecolor": "#777777"}
        else:
            style = {"facecolor": "#7aa6d6", "edgecolor": "#1f4e79"}
        ax.broken_barh([(left, width)], (row - 0.35, 0.7), linewidth=0.6, **style)
        if line.ongoing:
            ax.annotate("▶", (stop, row), fontsize=7, va="center", color="#333333")
    ax.set_yticks(range(len(lines)), [_therapy_label(t.drug, t.route) for t in lines])
    ax.set_ylim(len(lines) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


def _therapy_label(drug: str, route: str | None) -> str:
    return _short(f"{drug} ({route})" if route else drug)


def _short(text: str, limit: int = 40) -> str:
    """User text shortened to fit an axis label (the report's tables give it in full), with
    characters the font lacks replaced (matplotlib would warn with them on stderr)."""
    from myositis_cds.render._glyphs import GlyphFilter

    text = GlyphFilter()(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _event_lines(ax: Any, entries: list[TimelineEntry]) -> None:
    for e in entries:
        key = _mark_key(e)
        if key is None:
            continue
        colour, style, _label = _MARKS[key]
        ax.axvline(e.date, color=colour, linestyle=style, linewidth=1.0, alpha=0.8)


_LABELLED = {"removal": "removal", "tumour_found": "tumour found", "flare": "flare"}


def _event_labels(ax: Any, entries: list[TimelineEntry]) -> None:
    """Name the main turning points just above the top panel; close labels are staggered."""
    mdates: Any = importlib.import_module("matplotlib.dates")  # untyped module
    left, right = ax.get_xlim()
    placed: list[tuple[float, int]] = []  # (axis fraction, row)
    for e in entries:
        key = _mark_key(e)
        if e.kind == "event" and e.code == "remission":
            text = "remission"
        elif key in _LABELLED:
            text = _LABELLED[key or ""]
        else:
            continue
        where = (float(mdates.date2num(e.date)) - left) / (right - left)
        if any(abs(where - x) < 1e-9 for x, _ in placed):
            continue  # one label per day
        close = [row for x, row in placed if abs(where - x) < 0.09]
        row = (max(close) + 1) % 3 if close else 0
        placed.append((where, row))
        ax.text(
            where,
            1.01 + 0.1 * row,
            text,
            transform=ax.transAxes,
            ha="center",
            va="bottom",
            fontsize=6.5,
            color=_MARKS[key or "better"][0],
        )


def _mark_key(e: TimelineEntry) -> str | None:
    if e.kind == "tumour_resected" or (e.kind == "event" and e.code == "surgery"):
        return "removal"
    if e.kind == "tumour_found":
        return "tumour_found"
    if e.kind == "event" and e.code in ("flare", "relapse"):
        return "flare"
    if e.kind == "event" and e.code in ("improvement", "remission"):
        return "better"
    return None


def _legend(fig: Figure, ax: Any, entries: list[TimelineEntry]) -> None:
    line2d: Any = importlib.import_module("matplotlib.lines").Line2D
    patch: Any = importlib.import_module("matplotlib.patches").Patch

    present = {k for e in entries if (k := _mark_key(e)) is not None}
    handles: list[Any] = [
        line2d([0], [0], color=_MARKS[k][0], linestyle=_MARKS[k][1], label=_MARKS[k][2])
        for k in _MARKS
        if k in present
    ]
    handles += [
        patch(facecolor="#7aa6d6", edgecolor="#1f4e79", label="systemic"),
        patch(facecolor="#f3c98b", edgecolor="#b35900", hatch="////", label="topical"),
    ]
    fig.legend(
        handles=handles, loc="outside lower center", ncols=len(handles), fontsize=7, frameon=False
    )


def _empty(ax: Any, message: str) -> None:
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=8,
        color="#777777",
        bbox={"facecolor": "white", "edgecolor": "none"},
    )
    ax.set_yticks([])
