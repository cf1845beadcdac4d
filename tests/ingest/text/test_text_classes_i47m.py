"""issue #10 (i47m): the timeline's and the time reader's word lists live in rules/patterns.yaml.

Each moved key is in the loaded rules as one pattern, and reads one example word of each
language its comment lists (our own words and phrases, written for these tests), in the way the
code applies it: ``search`` for a word before a date (the text ends where the date would start),
``match`` for what follows a date, ``fullmatch`` for a whole word or span."""

from __future__ import annotations

import pytest

from myositis_cds.ingest.text._rules import Rules, rules
from tests.ingest.text.helpers import assert_moved_to_one_pattern

# key -> how the code applies it, and (language, text) examples it must read
MOVED: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "sample_word": (
        "search",
        [
            ("en", "serum sample "),
            ("en", "collected at Quest "),
            ("de", "Entnahme: "),
            ("fr", "prélèvement "),
            ("es", "muestra "),
            ("gl", "extracción "),
            ("pt", "colheita "),
            ("it", "prelievo "),
            ("nl", "afgenomen "),
            ("da", "prøvetaget "),
            ("sv", "provtaget "),
            ("pl", "pobrano "),
            ("cs", "odběr "),
            ("sk", "vzorka "),
            ("hr", "uzorak "),
            ("sl", "odvzem "),
            ("ro", "recoltat "),
            ("hu", "levétel "),
            ("tr", "numune "),
            ("uk", "зразок "),
            ("ms", "diambil "),
            ("lv", "paraugs "),
            ("hi", "नमूना "),
            ("gu", "નમૂનો "),
            ("bn", "নমুনা "),
            ("pa", "ਨਮੂਨਾ "),
            ("te", "నమూనా "),
            ("ta", "மாதிரி "),
            ("tg", "намуна "),
            ("si", "නියැදිය "),
            ("kn", "ಮಾದರಿ "),
            ("lo", "ເກັບຕົວຢ່າງ "),
            ("my", "သွေးနမူနာ "),
            ("sm", "na ave le toto "),
            ("am", "ናሙና "),
            ("fo", "sýni tikið "),
            ("is", "tekið "),
            ("mn", "дээж "),
            ("or", "ନମୁନା "),
            ("rw", "amaraso yafashwe "),
        ],
    ),
    "sample_word_anywhere": ("search", [("en", "(specimen 3/11, ok)"), ("de", "(abgenommen)")]),
    "report_word": (
        "search",
        [
            ("en", "results back "),
            ("en", "phoned through "),
            ("de", "befundet: "),
            ("fr", "validé "),
            ("fr", "résultat "),
            ("es", "informado "),
            ("pt", "laudo "),
            ("it", "refertato "),
            ("nl", "uitslag "),
            ("sv", "svar "),
            ("da", "besvaret "),
            ("pl", "wynik: "),
            ("cs", "výsledek "),
            ("sk", "výsledok "),
            ("sr", "nalaz "),
            ("sl", "izvid "),
            ("ro", "rezultat "),
            ("hu", "eredmény "),
            ("tr", "sonuç "),
            ("uk", "результат "),
            ("tk", "netije "),
            ("ky", "жыйынтык "),
            ("tet", "rezultadu "),
            ("hi", "रिपोर्ट "),
            ("gu", "રિપોર્ટ "),
            ("pa", "ਰਿਪੋਰਟ "),
            ("bn", "রিপোর্ট "),
            ("tg", "натиҷа "),
            ("te", "రిపోర్ట్ "),
            ("si", "වාර්තාව "),
            ("kn", "ವರದಿ "),
            ("lo", "ໄດ້ຜົນ "),
            ("my", "အဖြေ "),
            ("sm", "tali "),
            ("am", "ውጤት "),
            ("or", "ରିପୋର୍ଟ "),
            ("rw", "igisubizo "),
            ("mn", "хариу "),
        ],
    ),
    "report_word_anywhere": ("search", [("de", "(Freigegeben am Montag)"), ("en", "(issued)")]),
    "numbered_section": ("match", [("en", "PART 2 - ")]),
    "done_at": ("search", [("en", "performed in the county clinic")]),
    "heading_bracket_words": ("fullmatch", [("en", "resulted"), ("mg", "faha")]),
    "since_after": ("match", [("fi", " lähtien"), ("ps", " له میاشتې راهیسې")]),
    "later": (
        "search",
        [
            ("en", "rash, subsequently"),
            ("da", "udslæt, og senere"),
            ("sv", "utslag, senare"),
            ("de", "Ausschlag, und später"),
            ("es", "exantema, y luego"),
            ("fr", "éruption, ensuite"),
            ("it", "eruzione, poi"),
            ("pl", "wysypka, później"),
            ("nl", "uitslag, daarna"),
            ("pt", "exantema, posteriormente"),
        ],
    ),
    "transmission_stamp": ("search", [("en", "Scanned on: ")]),
    "received_stamp": ("search", [("en", "rec'd ")]),
    "fax_line": ("search", [("en", "Telefax page 3 of 4")]),
    "journal_masthead": (
        "search",
        [("en", "Vol. 7, issue 1"), ("ru", "Том 9"), ("de", "Band 4, Heft 2")],
    ),
    "journal_published": (
        "search",
        [
            ("en", "Available online"),
            ("es", "Publicado"),
            ("fr", "Publié"),
            ("it", "Pubblicato"),
            ("de", "Veröffentlicht"),
            ("ru", "Опубликовано"),
        ],
    ),
    "journal_history": (
        "search",
        [
            ("en", "Revised"),
            ("es", "Recibido"),
            ("fr", "Accepté"),
            ("it", "Ricevuto"),
            ("de", "Eingegangen"),
            ("ru", "Поступила"),
        ],
    ),
    "cited_before": (
        "search",
        [
            ("en", "the syndrome was first described in "),
            ("es", "fue comunicada en "),
            ("pt", "foi descrita em "),
            ("fr", "a été rapportée en "),
            ("it", "fu descritta nel "),
        ],
    ),
    "cited_after": ("match", [("en", ", by Hartmann")]),
    "cited_by_author": ("search", [("en", "a description of the rash by Lindqvist")]),
    "prose_cue": ("match", [("en", "around ")]),
    "next_visit": ("search", [("en", "booked: "), ("en", "anticipated ")]),
    "next_visit_line": ("match", [("en", "Next appointments: SOPD ")]),
    "date_on_next_line": ("match", [("en", ": on\n")]),
    "results_word": ("search", [("en", "authorised ")]),
    "bracket_heading": ("fullmatch", [("en", "Nerve conduction (taken 02/05/2026)")]),
    "episode_of": ("search", [("en", "exacerbation of her known ")]),
    "diagnosed_date_gap": ("fullmatch", [("en", " at the county clinic on the ")]),
    "organ_not_tumour": ("match", [("en", " fibrosis")]),
    "year_alone": ("fullmatch", [("en", "during 2018")]),
    "date_preposition": ("match", [("en", "of ")]),
    "season_then_date": ("search", [("en", 'in the late "autumn" (')]),
    "began_with": ("search", [("en", "it started with sore calves around ")]),
    "date_words": ("fullmatch", [("en", "dated")]),
    "assay_words": ("fullmatch", [("en", "immunoprecipitation")]),
    "record_from": ("search", [("en", "the clinic summary dated from ")]),
    "lists_on": ("match", [("en", ", CK 900")]),
    "diagnosed_before": ("search", [("en", "diagnosis in ")]),
    "number_label": ("search", [("en", "Barcode # ")]),
    "month_part": ("search", [("en", "towards the end of ")]),
    "month_part_after": ("match", [("en", " (beginning of March)")]),
    "clause_opening": ("fullmatch", [("en", "2) but ")]),
}


@pytest.fixture(scope="module")
def loaded() -> Rules:
    return rules()


def test_every_moved_key_is_a_required_pattern_of_one_rule() -> None:
    assert_moved_to_one_pattern(MOVED)


@pytest.mark.parametrize(
    ("key", "lang", "text"),
    [(key, lang, text) for key, (_, examples) in MOVED.items() for lang, text in examples],
)
def test_moved_key_reads_its_languages_word(loaded: Rules, key: str, lang: str, text: str) -> None:
    how = MOVED[key][0]
    assert getattr(loaded.one(key), how)(text) is not None, (key, lang, text)


def test_what_the_moved_patterns_leave_alone(loaded: Rules) -> None:
    # the cited author after a year is a capital's name, as the code compiled it (case kept)
    assert loaded.one("cited_after").match(", By Hartmann") is None
    assert loaded.one("cited_after").match(", by hartmann") is None
    # a list that goes on about the same time is no new list
    assert loaded.one("lists_on").match(", with fever") is None
    # a bracket of "since" is no heading's
    assert loaded.one("bracket_heading").fullmatch("Calf pain (since 02/05/2026)") is None
    # "later" only after a comma, as its own clause
    assert loaded.one("later").search("seen later that day") is None


def test_the_groups_the_code_reads(loaded: Rules) -> None:
    began = loaded.one("began_with").search("it started with sore calves around ")
    assert began is not None and began.group("what") == "sore calves"
    end = loaded.one("month_part").search("towards the end of ")
    assert end is not None and end.group("end") == "end"
    mid = loaded.one("month_part").search("the middle of ")
    assert mid is not None and mid.group("end") is None
    after = loaded.one("month_part_after").match(" (beginning of March)")
    assert after is not None and after.group("month") == "March"


def test_sentence_needs_is_compiled_once_per_rule(loaded: Rules) -> None:
    needing = [r for r in loaded.inference.rules if r.sentence_needs]
    assert needing
    for rule in needing:
        rx = rule.sentence_needs_pattern
        assert rx is not None and rx is rule.sentence_needs_pattern  # the same object each time
        assert rx.search("an HRCT of the chest") is not None
        assert rx.search("a ctenoid scale") is None  # whole words only
    assert all(
        r.sentence_needs_pattern is None for r in loaded.inference.rules if not r.sentence_needs
    )
