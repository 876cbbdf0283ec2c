"""The locales and time zones set-up offers: named, searchable, and never the POSIX "C"."""

from __future__ import annotations

from zoneinfo import available_timezones

from desktop.core.inputs import locale_ok
from desktop.core.site_choices import default_locale, find_choice, locale_choices, zone_choices


def test_locales_are_named_in_the_language_shown_and_in_english() -> None:
    english = dict(locale_choices("en"))
    assert english["ar_BH"] == "Arabic (Bahrain) — ar_BH"
    assert english["fr_CA"] == "French (Canada) — fr_CA"
    assert english["sr_Latn_RS"] == "Serbian (Latin, Serbia) — sr_Latn_RS"
    arabic = dict(locale_choices("ar"))
    assert arabic["ar_BH"] == "العربية (البحرين) · Arabic (Bahrain) — ar_BH"
    assert dict(locale_choices("es"))["ar_BH"] == "árabe (Baréin) · Arabic (Bahrain) — ar_BH"


def test_only_locales_with_a_country_are_offered_and_the_store_takes_each() -> None:
    codes = [code for code, _label in locale_choices("en")]
    assert len(codes) > 500 and len(set(codes)) == len(codes)
    assert "ar" not in codes and "es_419" not in codes and "C" not in codes
    assert all(locale_ok(code) for code in codes)


def test_every_time_zone_the_store_takes_is_offered_with_its_place() -> None:
    zones = dict(zone_choices("en"))
    assert set(zones) == available_timezones()
    assert zones["Asia/Bahrain"] == "Asia/Bahrain — Bahrain Time"
    assert zones["America/New_York"] == "America/New_York — United States (New York) Time"
    assert zones["Etc/GMT+3"] == "Etc/GMT+3"  # no place: the id alone, no "Unknown Region"
    assert dict(zone_choices("ar"))["Asia/Bahrain"] == "Asia/Bahrain — توقيت البحرين"


def test_what_is_typed_is_found_by_label_or_by_code_in_any_spelling() -> None:
    choices = locale_choices("en")
    assert find_choice("Arabic (Bahrain) — ar_BH", choices) == "ar_BH"
    assert find_choice(" fr-fr ", choices) == "fr_FR"
    assert find_choice("AR_bh", choices) == "ar_BH"
    for nonsense in ("", "  ", "C", "xx_YY", "Arabic", "ar_BH; DROP", "Bahrain"):
        assert find_choice(nonsense, choices) is None, nonsense
    assert find_choice("asia/bahrain", zone_choices("en")) == "Asia/Bahrain"


def test_the_default_locale_is_the_machines_when_offered_and_never_c() -> None:
    choices = locale_choices("en")
    assert default_locale("ar_BH", choices) == "ar_BH"
    assert default_locale("de-DE", choices) == "de_DE"
    for unusable in ("C", "POSIX", "", "en"):
        assert default_locale(unusable, choices) == "en_US", unusable


def test_an_unknown_display_language_names_in_english() -> None:
    assert dict(locale_choices("zz"))["ar_BH"] == "Arabic (Bahrain) — ar_BH"
