"""Chinese, Japanese and Korean clinical text, read by class (issue #10, session of 1 Dec 2026,
worktree i10-text19).

- lab results with their reference range after them, as CJK text prints it: the range in
  brackets (ASCII or full-width) with a wave dash between the limits ("568 U/L（40～200 U/L）"),
  the result glued to the test's name and a bare unit ("CK2930U(0-20)"), the Chinese, Japanese
  and Korean names of AST and ALT, and "酸激酶" (creatine kinase with its first character lost);
  never a cytokeratin ("CK20") nor CK-MB (肌酸激酶同工酶) nor pyruvate kinase (丙酮酸激酶);
- a result sign in brackets after the word for antibody ("抗核抗体(-)", "抗核抗体(++)"), and a
  list of results written without spaces ("RF(-),ANA(+)"): each sign is its own item's;
- proximal weakness written without spaces ("双下肢近端乏力", "上下肢とも近位筋に筋力低下",
  "근위부 근력 저하"): the limbs the clause names, never a site in another clause.

Every sentence is our own; the expected values are worked out by hand from the text: a value
above its bracketed upper limit is raised (EULAR/ACR 2017 enzyme item), a value inside it is
not."""

from __future__ import annotations

import pytest

from tests.ingest.text.helpers import antibody_results, findings_of, labs_coded, present

_PROXIMAL = {"weakness_proximal_upper", "weakness_proximal_lower"}


# --------------------------------------------------------------------------- lab ranges
@pytest.mark.parametrize(
    ("note", "code", "value", "upper", "raised"),
    [
        # Chinese: value, unit, then the range in brackets with the wave dash
        ("实验室检查：肌酸激酶1250 U/L(25~190 U/L)。", "ck", 1250, 190, True),
        ("实验室检查：肌酸激酶150 U/L(25~190 U/L)。", "ck", 150, 190, False),
        ("化验：乳酸脱氢酶402 U/L（109～245 U/L）。", "ldh", 402, 245, True),
        ("化验：谷丙转氨酶33 U/L[9~50 U/L]。", "alt", 33, 50, False),
        ("化验：谷草转氨酶96.5 U/L(15~40 U/L)。", "ast", 96.5, 40, True),
        # Japanese: the result glued to the name, a bare unit, the range in brackets
        ("血液検査:CK1840U(45-163),LDH188U(124-222).", "ck", 1840, 163, True),
        ("血液検査:CK1840U(45-163),LDH188U(124-222).", "ldh", 188, 222, False),
        ("血液検査:GOT77U(10-40),GPT35U(5-45).", "ast", 77, 40, True),
        ("血液検査:GOT77U(10-40),GPT35U(5-45).", "alt", 35, 45, False),
        ("アスパラギン酸アミノトランスフェラーゼ 88 U/L (13~30)であった。", "ast", 88, 30, True),
    ],
)
def test_a_cjk_result_takes_its_bracketed_range(
    note: str, code: str, value: float, upper: float, raised: bool
) -> None:
    (lab,) = labs_coded(note, code)
    assert lab.value == value
    assert lab.upper_limit == upper
    assert lab.is_above_uln is raised


def test_ck_with_its_first_character_lost_is_ck() -> None:
    (lab,) = labs_coded("辅助检查：酸激酶:4520U/L,乳酸脱氢酶:389U/L。", "ck")
    assert lab.value == 4520


@pytest.mark.parametrize(
    "note",
    [
        "免疫组化：CK20(+),CK7(-)。",  # cytokeratins, not creatine kinase
        "肌酸激酶同工酶48 U/L(0~25 U/L)。",  # CK-MB, the cardiac isoenzyme
        "丙酮酸激酶 62 U/L。",  # pyruvate kinase
    ],
)
def test_other_tests_are_not_ck(note: str) -> None:
    assert labs_coded(note, "ck") == []


# --------------------------------------------------------------------------- antibody signs
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("免疫学检查：抗核抗体(-)。", {"ANA": "negative"}),
        ("免疫学检查：抗核抗体（−）。", {"ANA": "negative"}),
        ("免疫学检查：抗核抗体(++)。", {"ANA": "positive"}),
        ("検査所見:抗核抗体(-),RF(+).", {"ANA": "negative"}),
        ("검사: 항핵항체(+).", {"ANA": "positive"}),
        # a list written without spaces: each sign is its own item's
        ("免疫：RF(-),ANA(+),抗Jo-1抗体(-)。", {"ANA": "positive", "JO1": "negative"}),
        ("免疫：IgM(-);ANA(+)。", {"ANA": "positive"}),
        ("免疫：ANA(-),抗SSA(+)。", {"ANA": "negative"}),
    ],
)
def test_a_bracketed_sign_is_its_own_antibodys_result(note: str, expected: dict[str, str]) -> None:
    got = antibody_results(note)
    assert {k: got.get(k) for k in expected} == expected


# --------------------------------------------------------------------------- proximal weakness
@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("现病史：半年前出现四肢近端肌肉酸痛、乏力。", _PROXIMAL),
        ("现病史：半年前出现双下肢近端乏力。", {"weakness_proximal_lower"}),
        ("体格检查：双上肢近端肌力下降。", {"weakness_proximal_upper"}),
        ("診察:上下肢とも近位筋に筋力低下を認める.", _PROXIMAL),
        ("진찰: 근위부 근력 저하가 있었다.", _PROXIMAL),
    ],
)
def test_cjk_proximal_weakness_gives_the_limbs_named(note: str, expected: set[str]) -> None:
    assert present(note) & _PROXIMAL == expected


@pytest.mark.parametrize(
    "note",
    [
        "体格检查：远端肌力下降，近端肌力正常。",  # the weak muscles are distal
        "体格检查：近端关节无肿胀，双手乏力。",  # "proximal" of joints, in another clause
    ],
)
def test_a_proximal_site_in_another_clause_gives_no_weakness(note: str) -> None:
    assert not present(note) & _PROXIMAL


def test_denied_cjk_proximal_weakness_is_absent() -> None:
    found = findings_of("診察:近位筋の筋力低下なし.")
    assert found.get("weakness_proximal_upper") is False
    assert found.get("weakness_proximal_lower") is False


# --------------------------------------------------------------------------- lists judged together
def test_a_long_list_of_tests_said_normal_includes_the_ana() -> None:
    note = (
        "辅助检查：血常规、肝功、肾功、抗核抗体、补体、免疫球蛋白、甲功、血糖、血脂、"
        "尿常规未见明显异常。"
    )
    assert antibody_results(note).get("ANA") == "negative"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # the normal result after a comma is the later tests', not the titre's
        ("化验：抗核抗体1:320，血常规、肝功、肾功、血糖、血脂、尿常规未见明显异常。", "positive"),
        # "all negative" after a comma is said of the list before it
        ("化验：抗核抗体、抗Jo-1抗体，均阴性。", "negative"),
    ],
)
def test_a_chinese_comma_bounds_a_judgement(note: str, expected: str) -> None:
    assert antibody_results(note).get("ANA") == expected


def test_a_raised_ck_is_not_made_normal_by_the_next_clause() -> None:
    (lab,) = labs_coded(
        "化验：肌酸激酶 3200 U/L，血常规、肝功、肾功、血糖、尿常规未见明显异常。", "ck"
    )
    assert lab.is_above_uln is True
