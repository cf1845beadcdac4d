"""The store's service layer, on SQLite and on PostgreSQL (same tests, both backends)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from myositis_cds import Case, load_case_file, parse_case
from myositis_cds.store import (
    PatientNotFound,
    SchemaOutOfDate,
    StaleRevision,
    Store,
    check_schema,
    create_engine,
    head_schema,
)
from myositis_cds.store._schema import metadata
from tests.store.helpers import REFERENCE_CASE


@pytest.fixture(scope="module")
def reference() -> Case:
    return load_case_file(str(REFERENCE_CASE))


def _with_sex(case: Case, sex: str) -> Case:
    data = case.model_dump(mode="json", exclude_none=True)
    data["patient"]["sex"] = sex
    return parse_case(data)


def test_create_then_read_back_the_same_case(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="dr-a")
    assert record.revision == 1
    assert record.etag == '"1"'
    again = store.get_patient(record.id)
    assert again.case == reference
    assert again.case_id == "reference-case"
    assert again.revision == 1


def test_update_appends_a_revision_and_keeps_every_earlier_one(
    store: Store, reference: Case
) -> None:
    record = store.create_patient(reference, actor="dr-a")
    changed = _with_sex(reference, "unknown")
    updated = store.update_patient(record.id, changed, expected_revision=1, actor="dr-b")
    assert updated.revision == 2
    assert store.get_patient(record.id).case.patient.sex == "unknown"
    assert store.get_patient(record.id, revision=1).case.patient.sex == "female"
    revisions = store.list_revisions(record.id)
    assert [(r.revision, r.author) for r in revisions] == [(1, "dr-a"), (2, "dr-b")]


def test_a_stale_update_is_refused_and_writes_nothing(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="dr-a")
    store.update_patient(record.id, reference, expected_revision=1, actor="dr-b")
    with pytest.raises(StaleRevision) as info:
        store.update_patient(
            record.id, _with_sex(reference, "male"), expected_revision=1, actor="c"
        )
    assert (info.value.expected, info.value.current) == (1, 2)
    assert [r.revision for r in store.list_revisions(record.id)] == [1, 2]
    assert store.get_patient(record.id).case.patient.sex == "female"
    outcomes = [(e.action, e.outcome) for e in store.audit_trail(record.id)]
    assert outcomes == [("create", "ok"), ("update", "ok"), ("update", "stale")]


def test_concurrent_writers_on_one_revision_exactly_one_wins(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="dr-a")
    results: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(6)

    def writer(n: int) -> None:
        start.wait()
        try:
            store.update_patient(record.id, reference, expected_revision=1, actor=f"w{n}")
            outcome = "ok"
        except StaleRevision:
            outcome = "stale"
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["ok"] + ["stale"] * 5
    assert [r.revision for r in store.list_revisions(record.id)] == [1, 2]


def test_unknown_patient_is_not_found(store: Store, reference: Case) -> None:
    with pytest.raises(PatientNotFound):
        store.get_patient("no-such-id")
    with pytest.raises(PatientNotFound):
        store.update_patient("no-such-id", reference, expected_revision=1, actor="a")
    with pytest.raises(PatientNotFound):
        store.delete_patient("no-such-id", actor="a")
    with pytest.raises(PatientNotFound):
        store.list_revisions("no-such-id")


def test_delete_erases_the_case_and_keeps_an_audit_trail_without_content(
    store: Store, reference: Case
) -> None:
    record = store.create_patient(reference, actor="dr-a")
    store.update_patient(record.id, reference, expected_revision=1, actor="dr-a")
    store.assess_patient(record.id, actor="dr-a", as_of=date(2024, 1, 1))
    store.delete_patient(record.id, actor="admin-1")
    with pytest.raises(PatientNotFound):
        store.get_patient(record.id)
    assert store.list_patients() == []
    trail = store.audit_trail(record.id)
    assert [(e.action, e.actor, e.revision) for e in trail] == [
        ("create", "dr-a", 1),
        ("update", "dr-a", 2),
        ("assess", "dr-a", 2),
        ("delete", "admin-1", 2),
    ]
    with store.engine.connect() as conn:
        for table in ("case_revisions", "assessments", "worklist_cache"):
            count = conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            assert count == 0, table
        audit_text = " ".join(
            str(v) for row in conn.execute(sa.text("SELECT * FROM audit_events")) for v in row
        )
    for clinical in ("heliotrope", "TIF1G", "pancreas", "1957", "female"):
        assert clinical not in audit_text


def test_stored_assessment_records_what_was_assessed(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="dr-a")
    store.update_patient(record.id, reference, expected_revision=1, actor="dr-a")
    first = store.assess_patient(record.id, actor="r", as_of=date(2023, 3, 1))
    second = store.assess_patient(record.id, actor="r", as_of=date(2024, 1, 1), biopsy="no")
    assert (first.revision, first.as_of, first.tool_version) == (2, date(2023, 3, 1), "0.1.0")
    # The knowledge file ids and versions as their meta blocks state them.
    assert first.knowledge_versions["eular_acr_2017"] == "2017"
    assert first.knowledge_versions["acr_eular_2016_response"] == "2016"
    listed = store.list_assessments(record.id)
    assert [a.id for a in listed] == [second.id, first.id]  # newest first
    assert listed[0].biopsy == "no"
    assert listed[1].assessment.as_of == date(2023, 3, 1)
    # Records dated after 1 March 2023 were left out of the first one (resection, remission…).
    assert listed[1].assessment.records_left_out > 0
    assert listed[1].assessment.tumours is not None
    assert listed[1].assessment.tumours[0].resected_date is None


def test_worklist_lists_overdue_before_due_and_skips_patients_with_nothing_due(
    store: Store, reference: Case
) -> None:
    # IMACS 2023, high risk (anti-TIF1γ): the enhanced panel (CA-125, CT neck …) is due at
    # diagnosis (2022-12-20) and the basic panel yearly. The reference case records neither
    # CA-125 nor a neck CT, so on 2024-01-01 both are overdue since the diagnosis round.
    overdue = store.create_patient(reference, actor="a")
    # The same patient with CA-125 and a neck CT done in the diagnosis round: nothing is overdue.
    # Left are the 12-month round (due 2023-12-20), the tumour follow-up and, because a 9.5 mm
    # G1 NET does not explain the myositis (issue #9), the conditional tests of the diagnosis
    # round (FDG PET-CT, upper GI endoscopy: "consider", so due from 2022-12-20, never overdue).
    data = reference.model_dump(mode="json", exclude_none=True)
    data["case_id"] = "reference-case-screened"
    data["labs"].append({"code": "ca125", "above_uln": False, "date": "2023-01-20"})
    data["investigations"].append({"code": "ct_neck", "date": "2023-01-20", "result": "normal"})
    due_only = store.create_patient(parse_case(data), actor="a")
    nothing = store.create_patient(parse_case({"patient": {"sex": "male", "age": 50}}), actor="a")

    entries = store.worklist(date(2024, 1, 1))
    assert [e.patient_id for e in entries] == [overdue.id, due_only.id]
    assert nothing.id not in {e.patient_id for e in entries}
    first, second = entries
    assert (first.status, first.earliest_due) == ("overdue", date(2022, 12, 20))
    assert {i.code for i in first.items if i.status == "overdue"} == {"ca125", "ct_neck"}
    assert (second.status, second.earliest_due) == ("due", date(2022, 12, 20))
    assert {i.code for i in second.items if i.due_date == date(2022, 12, 20)} == {
        "fdg_pet_ct",
        "upper_gi_endoscopy",
    }
    # Pancreatic NET resected 2023-07-12: first imaging 12 weeks to 12 months later (NCCN).
    tumour = [i for i in second.items if i.kind == "tumour_follow_up"]
    assert [(i.status, i.due_date) for i in tumour] == [("due", date(2024, 7, 12))]
    later = store.worklist(date(2024, 8, 1))
    tumour = [i for i in later[1].items if i.kind == "tumour_follow_up"]
    assert [(i.status, i.due_date) for i in tumour] == [("overdue", date(2024, 7, 12))]
    # The HTTP route's raw-JSON path says exactly what the typed list says.
    raw = json.loads(store.worklist_json(date(2024, 8, 1)))
    assert raw == [e.model_dump(mode="json") for e in later]


def test_worklist_follows_a_new_revision(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="a")
    assert len(store.worklist(date(2024, 1, 1))) == 1  # computed and kept
    bare = parse_case({"case_id": "reference-case", "patient": {"sex": "female", "age": 66}})
    store.update_patient(record.id, bare, expected_revision=1, actor="a")
    assert store.worklist(date(2024, 1, 1)) == []


def test_warming_a_patient_keeps_its_items_for_the_worklist(store: Store, reference: Case) -> None:
    record = store.create_patient(reference, actor="a")
    store.warm_worklist(record.id, record.revision, date(2024, 1, 1))
    store.warm_worklist(record.id, record.revision, date(2024, 1, 1))  # already kept: no error
    with store.engine.connect() as conn:
        kept = conn.execute(sa.text("SELECT status, earliest_due FROM worklist_cache")).all()
    assert [(status, str(due)) for status, due in kept] == [("overdue", "2022-12-20")]
    assert [e.patient_id for e in store.worklist(date(2024, 1, 1))] == [record.id]


def test_claim_jti_accepts_an_id_once(store: Store) -> None:
    later = datetime.now(UTC) + timedelta(minutes=5)
    assert store.claim_jti("https://ehr.example", "abc", later) is True
    assert store.claim_jti("https://ehr.example", "abc", later) is False
    assert store.claim_jti("https://other.example", "abc", later) is True


def test_claim_jti_is_atomic_across_threads(store: Store) -> None:
    later = datetime.now(UTC) + timedelta(minutes=5)
    wins: list[bool] = []
    start = threading.Barrier(6)

    def claim() -> None:
        start.wait()
        wins.append(store.claim_jti("iss", "same-jti", later))

    threads = [threading.Thread(target=claim) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 5 + [True]


def test_cds_feedback_is_kept(store: Store) -> None:
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    new_id = store.record_cds_feedback(
        service_id="myositis-cancer-screening",
        card_uuid="c1",
        outcome="overridden",
        outcome_timestamp=when,
        override_reason={"reason": {"code": "x", "display": "already done"}},
        issuer="https://ehr.example",
    )
    [row] = store.list_cds_feedback("c1")
    assert row["id"] == new_id
    assert row["outcome"] == "overridden"
    assert row["outcome_timestamp"] == when
    assert row["override_reason"]["reason"]["display"] == "already done"
    assert row["accepted_suggestions"] is None


def test_migrations_create_exactly_the_declared_tables(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    Store.open(db_url, migrate=True).close()
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_an_empty_database_is_refused_without_migration(db_url: str) -> None:
    with pytest.raises(SchemaOutOfDate, match="myositis-cds db upgrade"):
        Store.open(db_url, migrate=False)
    store = Store.open(db_url, migrate=True)
    try:
        check_schema(store.engine)  # now current: no error
        assert head_schema() == "0001"
    finally:
        store.close()
