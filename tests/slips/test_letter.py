"""The apology letter (issue 16, item 4): composed from each language's sentence templates so it
stays grammatical whatever the agent typed; the guest's words quoted or left out; gestures by
their guest-facing name and value, never their code or the agent's description; one person to
ask for, named once; the same whether Fix is done or not; reworded by the agent before the
first print; every reprint the letter first printed, marked REPRINT."""

from __future__ import annotations

import io
import json
import re

import pypdf
import pytest

from desktop.core.apology_template import GESTURE_WORDED, TemplateError, load_apology_template
from desktop.core.apology_template import validate_apology_template as validate
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, Refusal
from desktop.core.letter import (
    GUEST_WORDS_LIMIT,
    Letter,
    compose,
    compose_letter,
    guest_words,
    printed_letter,
)
from desktop.core.playbook import GESTURE_TYPES
from desktop.core.views import CaseHeader, GestureProposal
from desktop.slips import render_apology
from desktop.slips.compose import apology_slip, copy_slip, make_slip
from tests.conftest import Team, make_desk

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "ja", "zh", "ar")
# The fixed sentence every language prints when Review holds the guest's words, and the
# one it prints when Review is empty (the first sentence of the second paragraph).
WORDS_QUOTED = {"en": "In your words: “", "es": "En sus palabras: «", "fr": "Selon vos mots : « ",
                "de": "In Ihren Worten: „", "it": "Con le Sue parole: «",
                "pt": "Nas suas palavras: «", "ja": "お客様のお言葉：「", "zh": "您的原话是：“",
                "ar": "وبكلماتك: «"}
STOPS = {"ja": "。", "zh": "。"}


def letter_in(language: str, words: str = "", gestures: list[tuple[str, str]] | None = None,
              ask_for: str = "Ana Ribeiro", guest: str = "José Martínez") -> Letter:
    return compose(load_apology_template(None, language), language=language, guest_name=guest,
                   words=words, gestures=gestures if gestures is not None else [],
                   ask_for=ask_for, site_name="Hotel Miradouro")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_reads_well_with_an_empty_review(language: str) -> None:
    letter = letter_in(language, gestures=[("voucher", "€45.00")])
    text = letter.text
    assert "{" not in text and "}" not in text
    assert WORDS_QUOTED[language] not in text  # no quote, and no sentence pointing at nothing
    assert "José Martínez" in letter.paragraphs[0]
    assert text.count("Ana Ribeiro") == 1  # the person to ask for, named once
    assert "€45.00" in text and "voucher" not in text.replace("a voucher worth", "")
    assert letter.signature == "Hotel Miradouro"
    # Every paragraph ends as a sentence or a greeting/closing does.
    for paragraph in letter.paragraphs:
        assert paragraph[-1] in ".,:!。：！،" or paragraph.endswith(("様", "Grüßen")), paragraph


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_quotes_the_guests_words(language: str) -> None:
    letter = letter_in(language, words="the soup was cold", gestures=[("refund", "€20.00")])
    stop = STOPS.get(language, ".")
    assert WORDS_QUOTED[language] + "The soup was cold" + stop in letter.text
    assert "€20.00" in letter.text and "refund" not in letter.text.replace("a refund", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_a_gesture_or_a_person_the_sentences_are_left_out_or_reworded(
        language: str) -> None:
    bare = letter_in(language, ask_for="", guest="")
    with_all = letter_in(language, gestures=[("comp", "€9.00")])
    assert len(bare.text) < len(with_all.text)
    assert "Ana Ribeiro" not in bare.text and "€9.00" not in bare.text
    assert "{" not in bare.text
    # The greeting still greets; the letter still says where to turn.
    assert bare.paragraphs[0] and len(bare.paragraphs) == len(with_all.paragraphs)


@pytest.mark.parametrize(("typed", "quoted"), [
    ("room cold..", "Room cold."),
    ("  the  room\nwas   cold .  ", "The room was cold."),
    ("“It was awful!”", "It was awful!"),
    ("is this normal?", "Is this normal?"),
    ("...", ""),
    ("\x07", ""),
    ("ok,", "Ok."),
])
def test_the_guests_words_are_tidied_not_rewritten(typed: str, quoted: str) -> None:
    assert guest_words(typed) == quoted


def test_long_guest_words_are_cut_at_a_word() -> None:
    quoted = guest_words("word " * 400)
    assert len(quoted) <= GUEST_WORDS_LIMIT and quoted.endswith("word…")
    letter = letter_in("en", words="x" * 5000)
    assert len(letter.text) < 1500


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_gesture_type_has_guest_facing_words_without_its_code(language: str) -> None:
    template = load_apology_template(None, language)
    assert set(GESTURE_WORDED) == set(GESTURE_TYPES) - {"none"}
    for kind in GESTURE_WORDED:
        words = template["gestures"][kind]
        assert "{value}" in words
        letter = letter_in(language, gestures=[(kind, "€12.50")])
        assert "€12.50" in letter.text
        # The code itself never shows (English words a gesture as the code reads, and
        # "upgrade" is the word in a few languages).
        if language != "en" and kind != "upgrade":
            assert not re.search(rf"\b{kind}\b", letter.text, re.IGNORECASE), (kind, letter.text)


def test_several_gestures_are_joined_as_a_list_in_the_language() -> None:
    english = letter_in("en", gestures=[("voucher", "€45.00"), ("refund", "€20.00"),
                                        ("none", "€0.00")])
    assert "offer you a voucher worth €45.00 and a refund of €20.00." in english.text
    german = letter_in("de", gestures=[("voucher", "45,00 €"), ("refund", "20,00 €")])
    assert "einen Gutschein im Wert von 45,00 € und eine Erstattung von 20,00 €" in german.text


def test_japanese_and_chinese_sentences_are_not_parted_by_spaces() -> None:
    for language in ("ja", "zh"):
        body = letter_in(language, words="部屋が寒い").paragraphs[1]
        assert "。 " not in body and "」 " not in body and "” " not in body


def test_a_broken_template_is_refused() -> None:
    good = load_apology_template(None, "en")
    validate(good)
    for broken in ({**good, "gestures": {**good["gestures"], "comp": "{amount} off"}},
                   {**good, "gestures": {"comp": "{value} off"}},
                   {**good, "full_stop": ""},
                   {**good, "paragraphs": [[["{nope}"]]]},
                   {**good, "version": 1}):  # alternatives are version 2 only
        with pytest.raises(TemplateError):
            validate(broken)


def test_a_sites_version_1_template_still_prints(desk: Desk, team: Team) -> None:
    (desk.data_dir / "templates").mkdir()
    (desk.data_dir / "templates" / "apology.json").write_text(json.dumps(
        {"version": 1, "paragraphs": [["Hello {guest_name}.", "We offer {gesture}."],
                                      ["About {what_went_wrong}."]]}), encoding="utf-8")
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Ann Lee", "1", "Front Desk", "noise", "low"))
    desk.grants.grant(who, case_id, GestureProposal("credit", "Night credited", 5000))
    letter = compose_letter(desk, case_id, who)
    # The agent's notes are never filled in: that sentence is left out.
    assert letter.paragraphs == ("Hello Ann Lee. We offer a credit of $50.00 on your bill.",)


def case_with_review(desk: Desk, team: Team, words: str = "") -> tuple[str, object]:
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader("Hannah Schmidt", "221", "Front Desk", "noise",
                                              "low"))
    desk.grants.grant(who, case_id, GestureProposal("credit", "One night's room rate credited",
                                                    1800))
    desk.cases.complete_step(who, case_id, "listen", {"account": "Cold room"})
    desk.cases.complete_step(who, case_id, "apologise", {"apology": "Said sorry"})
    desk.cases.complete_step(who, case_id, "review", {"guest_view": words, "good_outcome": "-"})
    return case_id, who


def test_the_letter_does_not_change_when_fix_is_completed(desk: Desk, team: Team) -> None:
    case_id, who = case_with_review(desk, team, "the heating did not work")
    before = compose_letter(desk, case_id, who)  # type: ignore[arg-type]
    desk.cases.complete_step(who, case_id, "fix",  # type: ignore[arg-type]
                             {"fix_action": "Room cleaned and towels brought now.."})
    after = compose_letter(desk, case_id, who)  # type: ignore[arg-type]
    assert before == after
    assert "towels" not in after.text and "One night" not in after.text
    assert "a credit of $18.00 on your bill" in after.text
    assert "“The heating did not work.”" in after.text
    assert after.text.count("Maya Torres") == 1


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_first_print_is_on_record_and_every_reprint_is_that_letter(desk: Desk,
                                                                      team: Team) -> None:
    case_id, who = case_with_review(desk, team)
    wording = "Dear Hannah,\n\nWe are sorry about the cold room.\n\n\nSee you soon,"
    pdf, _kept = make_slip(desk, who, case_id, "apology", None, "a4",  # type: ignore[arg-type]
                           wording=wording)
    first = pdf_text(pdf)
    assert "We are sorry about the cold room." in first and "REPRINT" not in first
    stored = printed_letter(desk, case_id)
    assert stored is not None and stored.edited
    assert stored.paragraphs == ("Dear Hannah,", "We are sorry about the cold room.",
                                 "See you soon,")
    # Later: another gesture, Fix done, another person prints, another wording is offered.
    desk.grants.grant(who, case_id, GestureProposal("refund", "Spa", 2000))  # type: ignore[arg-type]
    supervisor = team.sign_in(team.supervisor)
    again, _kept = make_slip(desk, supervisor, case_id, "apology", None, "a4",
                             wording="Something else entirely")
    second = pdf_text(again)
    assert "We are sorry about the cold room." in second and "Something else" not in second
    assert second.count("REPRINT") == 2 and "$20.00" not in second
    # A copy from a terminal is that letter too, marked REPRINT.
    copy, _name = copy_slip(desk, "apology", case_id)
    assert tuple(copy.body_paragraphs) == stored.paragraphs and copy.reprint
    events = [json.loads(e.payload) for e in desk.cases.events(case_id)
              if e.kind == "slip.printed"]
    assert [e.get("print_no") for e in events] == [1, 2]
    assert "letter" in events[0] and "letter" not in events[1]


def test_an_empty_or_unstorable_wording_is_refused_and_nothing_is_recorded(
        desk: Desk, team: Team) -> None:
    case_id, who = case_with_review(desk, team)
    for wording, refusal in (("  \n\n \t ", Refusal.EMPTY_LETTER),
                             ("x" * 5000, Refusal.TEXT_TOO_LONG),
                             ("bad \ud800 text", Refusal.INVALID_TEXT)):
        with pytest.raises(DeskError) as refused:
            make_slip(desk, who, case_id, "apology", None, "a4",  # type: ignore[arg-type]
                      wording=wording)
        assert refused.value.refusal is refusal
    assert not [e for e in desk.cases.events(case_id) if e.kind == "slip.printed"]
    assert printed_letter(desk, case_id) is None


def test_an_unedited_letter_prints_as_composed_in_the_guests_language(
        tmp_path: object, clock: ManualClock) -> None:
    from pathlib import Path

    desk = make_desk(Path(str(tmp_path)) / "lisbon", clock, currency="EUR", locale="pt_PT",
                     timezone="Europe/Lisbon")
    try:
        team = Team(desk)
        who = team.sign_in(team.agent)
        case_id = desk.cases.open(who, CaseHeader("Zoë 😀", "1", "Front Desk", "noise", "low",
                                                  guest_language="ja"))
        desk.grants.grant(who, case_id, GestureProposal("voucher", "Dinner", 4500))
        slip = apology_slip(desk, case_id, by=who)
        assert slip.body_paragraphs[0] == "Zoë 😀 様"
        assert "€分のご利用券をご用意いたしました" in "".join(slip.body_paragraphs)
        text = pdf_text(render_apology(slip, "roll80"))
        # (a Japanese line may break inside a Latin name: compare without spaces)
        assert "Zoë 😀" in text and "MayaTorres" in text.replace(" ", "")
    finally:
        desk.close()
