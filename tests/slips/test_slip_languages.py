"""Guest slips in the site's language: Spanish and French sites print Spanish and French
vouchers and apologies (read back from the PDF, with no English label left), English and
unshipped locales print English, and a site's own apology.json still wins."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfbase.ttfonts import TTFont

import resources
from desktop.core.clock import ManualClock
from desktop.core.desk import Desk
from desktop.core.settings import VOUCHER_TERMS
from desktop.core.views import CaseHeader, GestureProposal, OnShift
from desktop.slips import (
    ApologyLabels,
    PageSize,
    VoucherLabels,
    fonts,
    load_apology_template,
    render_apology,
    render_voucher,
    slip_language,
    slip_wording,
)
from desktop.slips.apology import FIELDS, shipped_template_name
from desktop.slips.compose import DEFAULT_VOUCHER_TERMS, apology_slip, voucher_slip
from desktop.slips.wording import SHIPPED_LANGUAGES
from tests.conftest import Team, make_desk

TEMPLATES = resources.path("templates")


@dataclasses.dataclass(frozen=True)
class Site:
    """A site in one language, and what its staff type into a case (in that language)."""

    locale: str
    timezone: str
    gesture: str
    guest_view: str
    fix_action: str
    expect: tuple[str, ...]  # words of the shipped wording that must be on the slips


SITES = {
    "es": Site("es_ES", "Europe/Madrid", "Cena para dos en la terraza",
               "el ruido del pasillo de servicio anoche",
               "cambiado su habitación por una más tranquila",
               ("Si hay algo más que no esté bien, pregunte por Maya Torres en recepción.",
                "Estimado/a Begoña Ibáñez:", "«El ruido del pasillo de servicio anoche.»",
                "un vale por valor de 45,00", "Válido hasta", "Código del vale")),
    "fr": Site("fr_FR", "Europe/Paris", "Dîner pour deux en terrasse",
               "le bruit dans le couloir de service cette nuit",
               "changé votre chambre pour une chambre plus calme",
               ("Bonjour Begoña Ibáñez,", "Nous sommes sincèrement désolés",
                "« Le bruit dans le couloir de service cette nuit. »",
                "un bon d'une valeur de 45,00", "Valable jusqu'au", "Code du bon")),
}
GUEST = "Begoña Ibáñez"


def pdf_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def english_words() -> list[str]:
    """Every fixed English word that can reach a slip: labels, terms, roles, the letter."""
    wording = slip_wording("en")
    found = [*dataclasses.asdict(wording.voucher).values(),
             *dataclasses.asdict(wording.apology).values(),
             *wording.roles.values(), *wording.voucher_terms]
    template = json.loads((TEMPLATES / "apology.json").read_text(encoding="utf-8"))
    for sentence in sentences(template):
        for literal, *_ in string.Formatter().parse(sentence):
            found.extend(part.strip() for part in re.split(r"[.,:;]", literal))
    return sorted({word for word in found if len(word) >= 3}, key=len, reverse=True)


def sentences(template: dict[str, object], gestures: bool = True) -> list[str]:
    """Every sentence of a letter template, alternatives (and gesture words) included."""
    found: list[str] = []
    for paragraph in template["paragraphs"]:  # type: ignore[attr-defined]
        for sentence in paragraph:
            found.extend([sentence] if isinstance(sentence, str) else sentence)
    if gestures:
        found.extend(dict(template.get("gestures") or {}).values())  # type: ignore[call-overload]
    return found


def english_left(text: str) -> list[str]:
    """English words found in ``text`` as whole words ("For", not "Format")."""
    return [word for word in english_words()
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


@dataclasses.dataclass
class Case:
    desk: Desk
    team: Team
    who: OnShift
    case_id: str
    code: str


def voucher_case(desk: Desk, site: Site | None = None) -> Case:
    """An agent grants a voucher in a case and writes what went wrong and what was done."""
    team = Team(desk)
    who = team.sign_in(team.agent)
    case_id = desk.cases.open(who, CaseHeader(GUEST, "305", "Front Desk", "noise", "high"))
    gesture = site.gesture if site else "Dinner for two on the terrace"
    result = desk.grants.grant(who, case_id, GestureProposal("voucher", gesture, 4500))
    assert result.granted and result.voucher_code
    desk.cases.complete_step(who, case_id, "review", {
        "guest_view": site.guest_view if site else "the noise from the service corridor",
        "good_outcome": "-"})
    desk.cases.complete_step(who, case_id, "fix", {
        "fix_action": site.fix_action if site else "moved you to a quieter room"})
    return Case(desk, team, who, case_id, result.voucher_code)


@pytest.fixture(params=sorted(SITES))
def site_case(request: pytest.FixtureRequest, tmp_path: Path,
              clock: ManualClock) -> Iterator[tuple[str, Case]]:
    language = request.param
    site = SITES[language]
    desk = make_desk(tmp_path / language, clock, currency="EUR", locale=site.locale,
                     timezone=site.timezone)
    try:
        yield language, voucher_case(desk, site)
    finally:
        desk.close()


# --------------------------------------------------------------------------- choosing


@pytest.mark.parametrize(("locale", "language"), [
    ("es_ES", "es"), ("es_MX", "es"), ("es-AR", "es"), ("es", "es"), ("fr_FR", "fr"),
    ("fr_CA", "fr"), ("fr_BE.UTF-8", "fr"), ("en_US", "en"), ("en_GB", "en"), ("de_DE", "de"),
    ("pt_BR", "pt"), ("ar_EG", "ar"), ("zh_Hans_CN", "zh"), ("ja_JP", "ja"), ("it_IT", "it"),
    ("nl_NL", "en"), ("", "en"), (None, "en"), ("../../etc", "en"),
])
def test_the_slip_language_is_the_language_of_the_site_locale(locale: str | None,
                                                               language: str) -> None:
    assert slip_language(locale) == language


def test_english_wording_is_the_built_in_default() -> None:
    """The English file and the dataclass defaults say the same, so neither drifts."""
    english = slip_wording("en")
    assert english.voucher == VoucherLabels() and english.apology == ApologyLabels()
    assert english.voucher_terms == DEFAULT_VOUCHER_TERMS
    assert english.role_title("agent") == "Front Desk"
    assert slip_wording("xx") == english  # not shipped: English
    assert shipped_template_name("en") == "apology.json"
    assert shipped_template_name("nl") == "apology.json"


@pytest.mark.parametrize("language", [lang for lang in SHIPPED_LANGUAGES if lang != "en"])
def test_translations_are_complete_and_printable(language: str) -> None:
    """Every label differs from English, every role and term is there, every letter uses the
    same placeholders as the English one, and the slip fonts have a glyph for every character
    (DejaVu, or the shipped Arabic or CJK face a run of that script is set in)."""
    english, wording = slip_wording("en"), slip_wording(language)
    for kind in ("voucher", "apology"):
        ours, theirs = (dataclasses.asdict(getattr(w, kind)) for w in (wording, english))
        assert all(ours[name] != theirs[name] for name in theirs), (kind, ours)
    assert set(wording.roles) == set(english.roles)
    assert len(wording.voucher_terms) == len(english.voucher_terms)

    def fields_of(name: str) -> set[str]:
        template = json.loads((TEMPLATES / name).read_text(encoding="utf-8"))
        return {field for sentence in sentences(template, gestures=False)
                for _, field, *_ in string.Formatter().parse(sentence) if field}

    name = shipped_template_name(language)
    assert name == f"apology.{language}.json"
    assert fields_of(name) == fields_of("apology.json") and fields_of(name) <= FIELDS
    shipped = (TEMPLATES / name).read_text(encoding="utf-8") + (
        TEMPLATES / f"slip_wording.{language}.json").read_text(encoding="utf-8")
    covered = fonts.register().covered
    fallback = {name: set(TTFont("probe", str(resources.path("fonts", file))).face.charToGlyph)
                for name, file in fonts.FILES.items()}
    missing = set()
    for char in {c for c in shipped if not c.isspace()}:
        font = fonts.runs(char)[0][0]
        if ord(char) not in (covered if font is None else fallback[font]):
            missing.add(char)
    assert missing == set()


# --------------------------------------------------------------------------- slips


@pytest.mark.parametrize("size", [PageSize.ROLL80, PageSize.A4])
def test_spanish_and_french_sites_print_slips_in_their_language(
        site_case: tuple[str, Case], size: PageSize) -> None:
    language, case = site_case
    desk, wording = case.desk, slip_wording(language)
    desk.cases.record_print(case.who, case.case_id, "voucher", case.code)
    reprint = desk.cases.record_print(case.who, case.case_id, "voucher", case.code) > 1
    voucher = pdf_text(render_voucher(voucher_slip(desk, case.code, reprint=reprint), size))
    apology = pdf_text(render_apology(
        apology_slip(desk, case.case_id, reprint=True, by=case.who), size))

    labels = dataclasses.asdict(wording.voucher)
    for text in (*labels.values(), *wording.voucher_terms, GUEST, "45,00"):
        assert text in voucher, (language, text)
    for text in (*dataclasses.asdict(wording.apology).values(), GUEST, "Maya Torres"):
        assert text in apology, (language, text)
    # The agent's notes (the Fix step, the gesture's description) are not pasted in.
    for text in (SITES[language].fix_action, SITES[language].gesture):
        assert text not in apology, (language, text)
    for text in SITES[language].expect:
        assert text in voucher + " " + apology, (language, text)
    # Non-ASCII came through the font and back out of the PDF.
    accents = {"es": "ñáóé", "fr": "éèîà"}[language]
    assert set(accents) <= set(voucher + apology), set(accents) - set(voucher + apology)
    assert english_left(voucher) == [] and english_left(apology) == []


def test_an_english_site_prints_english_slips_as_before(desk: Desk) -> None:
    case = voucher_case(desk)
    slip = voucher_slip(desk, case.code, reprint=True)
    assert slip.labels == VoucherLabels() and slip.terms == list(DEFAULT_VOUCHER_TERMS)
    apology = apology_slip(desk, case.case_id, reprint=True)
    assert apology.labels == ApologyLabels() and apology.signature == "Harbour Test Hotel"
    text = pdf_text(render_voucher(slip)) + " " + pdf_text(render_apology(apology))
    for expected in ("Valid until", "REPRINT", "Voucher code", "Dear Begoña Ibáñez,",
                     "In your words: “The noise from the service corridor.”",
                     "please ask for Maya Torres at the front desk", DEFAULT_VOUCHER_TERMS[1]):
        assert expected in text, expected


def test_a_site_in_an_unshipped_language_gets_english_words_and_its_own_dates(
        tmp_path: Path, clock: ManualClock) -> None:
    desk = make_desk(tmp_path / "amsterdam", clock, currency="EUR", locale="nl_NL",
                     timezone="Europe/Amsterdam")
    try:
        case = voucher_case(desk)
        slip = voucher_slip(desk, case.code)
        assert slip.labels == VoucherLabels() and slip.value_text == "€\xa045,00"
        assert apology_slip(desk, case.case_id).labels == ApologyLabels()
    finally:
        desk.close()


def test_the_site_own_apology_and_terms_still_win(site_case: tuple[str, Case]) -> None:
    language, case = site_case
    desk = case.desk
    own = {"version": 1, "paragraphs": [["Querida {guest_name}, ¡lo sentimos mucho!"],
                                        ["Atentamente, {staff_name}."]]}
    (desk.data_dir / "templates").mkdir(exist_ok=True)
    (desk.data_dir / "templates" / "apology.json").write_text(
        json.dumps(own, ensure_ascii=False), encoding="utf-8")
    desk.settings.set(VOUCHER_TERMS, ("Solo en el restaurante.",))

    apology = apology_slip(desk, case.case_id)
    assert list(apology.body_paragraphs) == [f"Querida {GUEST}, ¡lo sentimos mucho!",
                                             "Atentamente, Maya Torres."]
    assert apology.labels == slip_wording(language).apology  # the fixed words stay shipped
    text = pdf_text(render_apology(apology, PageSize.A4))
    assert "¡lo sentimos mucho!" in text
    assert voucher_slip(desk, case.code).terms == ["Solo en el restaurante."]
    # Without the override the shipped letter of the site's language is back.
    (desk.data_dir / "templates" / "apology.json").unlink()
    assert load_apology_template(desk.data_dir / "templates", language) == json.loads(
        (TEMPLATES / f"apology.{language}.json").read_text(encoding="utf-8"))
