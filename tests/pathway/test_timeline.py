"""The timeline: one ordered list of every dated record, and treatments as lines of therapy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from myositis_cds.case import parse_case
from myositis_cds.pathway.timeline import Timeline, build_timeline

TODAY = date(2026, 11, 27)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _reference_as_of(day: date) -> Timeline:
    data = yaml.safe_load((EXAMPLES / "reference-case.yaml").read_text(encoding="utf-8"))
    cut, _ = parse_case(data, today=TODAY).as_of(day)
    return build_timeline(cut, day)


def test_reference_case_timeline_runs_from_onset_to_remission_in_date_order() -> None:
    tl = _reference_as_of(date(2024, 1, 31))
    assert tl.entries[0].kind == "onset"
    assert tl.entries[0].date == date(2022, 9, 10)
    assert [e.date for e in tl.entries] == sorted(e.date for e in tl.entries)
    kinds = [(e.date.isoformat(), e.kind, e.code) for e in tl.entries]
    assert ("2023-02-01", "tumour_found", "pancreas") in kinds
    assert ("2023-07-12", "tumour_resected", "pancreas") in kinds
    assert ("2023-07-12", "event", "surgery") in kinds
    assert ("2023-09-18", "antibody", "TIF1G") in kinds
    assert tl.undated == []


def test_same_day_records_follow_a_fixed_kind_order() -> None:
    # On surgery day: betamethasone stopped, tumour resected, then the surgery event.
    tl = _reference_as_of(date(2024, 1, 31))
    same_day = [e.kind for e in tl.entries if e.date == date(2023, 7, 12)]
    assert same_day == ["treatment_stop", "tumour_resected", "event"]


def test_lines_of_therapy_say_topical_or_systemic_and_ongoing() -> None:
    tl = _reference_as_of(date(2024, 1, 31))
    lines = {t.drug: t for t in tl.therapy}
    assert lines["tacrolimus"].systemic is False
    assert lines["betamethasone"].systemic is False
    assert lines["prednisone"].systemic is True
    assert lines["prednisone"].ongoing is False
    assert lines["prednisone"].days == (date(2023, 8, 31) - date(2023, 1, 10)).days
    assert lines["mycophenolate mofetil"].ongoing is True
    assert lines["mycophenolate mofetil"].days == (date(2024, 1, 31) - date(2023, 3, 1)).days


def test_a_treatment_stopped_after_the_assessment_date_is_ongoing_then() -> None:
    tl = _reference_as_of(date(2023, 6, 1))
    prednisone = next(t for t in tl.therapy if t.drug == "prednisone")
    assert prednisone.ongoing is True
    assert prednisone.stop is None
    assert not any(e.kind == "tumour_resected" for e in tl.entries)


def test_a_route_not_stated_leaves_systemic_unknown() -> None:
    case = parse_case(
        {
            "patient": {"sex": "male", "age": 50},
            "treatments": [{"drug": "IVIG", "start": "2024-01-01"}],
        },
        today=TODAY,
    )
    line = build_timeline(case, TODAY).therapy[0]
    assert line.systemic is None


def test_undated_findings_are_listed_not_dropped_silently() -> None:
    case = parse_case(
        {
            "patient": {"sex": "female", "age": 60},
            "findings": [
                {"code": "heliotrope_rash", "present": True},
                {"code": "myalgia", "present": True, "date": "2024-01-01"},
            ],
        },
        today=TODAY,
    )
    tl = build_timeline(case, TODAY)
    assert tl.undated == ["findings[0]"]
    assert [e.ref for e in tl.entries] == ["findings[1]"]


def test_between_excludes_the_start_day_and_includes_the_end_day() -> None:
    tl = _reference_as_of(date(2024, 1, 31))
    after_surgery = tl.between(date(2023, 7, 12), date(2023, 7, 14))
    assert [(e.kind, e.code) for e in after_surgery] == [("event", "improvement")]


days = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 1, 1))


@given(st.lists(st.tuples(days, st.sampled_from(["flare", "improvement", "surgery"])), max_size=12))
def test_entries_are_always_in_date_order(events: list[tuple[date, str]]) -> None:
    case = parse_case(
        {
            "patient": {"sex": "female", "age": 60},
            "events": [{"kind": k, "date": d.isoformat()} for d, k in events],
        },
        today=TODAY,
    )
    tl = build_timeline(case, TODAY)
    assert len(tl.entries) == len(events)
    assert [e.date for e in tl.entries] == sorted(d for d, _ in events)


def test_terminal_course_section_has_a_compact_timeline() -> None:
    from myositis_cds.assessment import assess
    from myositis_cds.render.text import section_course

    data = yaml.safe_load((EXAMPLES / "reference-case.yaml").read_text(encoding="utf-8"))
    lines = section_course(assess(parse_case(data, today=TODAY), as_of=date(2024, 1, 31)))
    text = "\n".join(lines)
    assert lines[0] == "COURSE"
    assert "paraneoplastic course: SUPPORTED (removal 2023-07-12)" in text
    assert "refractory to immunosuppression: yes" in text
    start = lines.index("  timeline:")
    compact = lines[start + 1 :]
    assert compact[0] == "    2022-09-10  onset of first symptom"
    # Same-day starts share one line; negative antibodies and findings are left out.
    assert sum("started prednisone (oral)" in line for line in compact) == 1
    assert not any("negative" in line for line in compact)
    assert "    2023-09-18  anti-TIF1G weak positive" in compact
