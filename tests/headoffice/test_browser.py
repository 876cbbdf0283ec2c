"""Head office's pages in a real browser (issue 18, item 4): Debian's Chromium, headless,
driven by Selenium. An admin signs in, opens an analysis page and drills down to the cases;
the browser's console shows no Content-Security-Policy violation.

Skipped only when Chromium or its driver is not installed (CI installs both: .ci/run).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from tests.headoffice.helpers import HQ
from tests.headoffice.test_analysis import OPENED, case

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="Debian's chromium and chromium-driver not installed")


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def csp_violations(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser")
            if "Content Security Policy" in entry["message"]]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_admin_signs_in_and_drills_down_without_a_csp_violation(hq: HQ, browser: Any
                                                                   ) -> None:
    from selenium.webdriver.common.by import By

    site = hq.add_site("Harbour")
    bar = hq.enrol(site, name="Bar")
    noisy = [case(bar, category="Noise", at=OPENED + timedelta(hours=n), gesture="drink",
                  value=1200, done_after=15) for n in range(2)]
    case(bar, category="Food", at=OPENED, done_after=None)
    assert hq.push(bar, bar.events).status_code == 200
    hq.clock.now = OPENED + timedelta(days=2)
    token = hq.admin_token()
    host = hq.server.url.removeprefix("http://")

    # Signing in: the token as the password of the browser's Basic sign-in (any user name).
    browser.get(f"http://admin:{token}@{host}/")
    assert "Amends head office" in browser.title
    assert browser.find_element(By.ID, "chain-check").text == "Chain check"
    browser.get(f"http://{host}/analysis/failures")  # signed in for the rest of the visit
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Failures by category")
    noise = next(link for link in browser.find_elements(By.CSS_SELECTOR, "a.drill")
                 if "Noise" in (link.get_attribute("href") or ""))
    assert noise.text == "2"
    noise.click()
    assert browser.find_element(By.ID, "case-count").text.startswith("2 case(s)")
    listed = browser.find_element(By.ID, "cases").text
    assert all(case_id in listed for case_id in noisy)
    # Through the nav, to the grid, and down to an hour.
    browser.find_element(By.LINK_TEXT, "Day × hour").click()
    cell = browser.find_elements(By.CSS_SELECTOR, "a.drill")[0]
    assert cell.text == "2"  # Tuesday 15:00: a noise and the food case
    cell.click()
    # The grid's days (by default the last twelve weeks) go with the drill-down.
    assert browser.find_element(By.ID, "case-count").text == (
        "2 case(s): dow 1, hour 15, first day 2026-08-28, last day 2026-11-19")
    assert csp_violations(browser) == []

    # The check above would see one: a script the page did not ask for is refused.
    browser.execute_script("const s = document.createElement('script');"
                           "s.textContent = 'document.title = 1';"
                           "document.body.appendChild(s);")
    assert any("script-src" in message or "default-src" in message
               for message in csp_violations(browser))
