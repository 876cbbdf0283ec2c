"""Head office's pages in a real browser (issue 18, item 4): Debian's Chromium, headless,
driven by Selenium. An admin signs in, opens an analysis page and drills down to the cases,
and edits, reviews and publishes a policy;
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


def go(driver: Any, element: Any) -> None:
    """Click what leads to another page and wait for that page: a click can return before the
    browser has left the old one (under load the next find_element then read the old page)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))


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
    go(browser, noise)
    assert browser.find_element(By.ID, "case-count").text.startswith("2 case(s)")
    listed = browser.find_element(By.ID, "cases").text
    assert all(case_id in listed for case_id in noisy)
    # Through the nav, to the grid, and down to an hour.
    go(browser, browser.find_element(By.LINK_TEXT, "Day × hour"))
    cell = browser.find_elements(By.CSS_SELECTOR, "a.drill")[0]
    assert cell.text == "2"  # Tuesday 15:00: a noise and the food case
    go(browser, cell)
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


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_an_admin_edits_reviews_and_publishes_a_policy_without_a_csp_violation(
        hq: HQ, browser: Any) -> None:
    import json

    from selenium.webdriver.common.by import By

    from tests.headoffice.test_publishing import POLICY

    site = hq.add_site("Harbour")
    desk = hq.enrol(site)
    token = hq.admin_token()
    host = hq.server.url.removeprefix("http://")
    browser.get(f"http://admin:{token}@{host}/admin")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sites"
    go(browser, browser.find_element(By.LINK_TEXT, "Budget policy"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Harbour: budget policy"

    # A bad value first: the page says which field, in words, and publishes nothing.
    editor = browser.find_element(By.ID, "document")
    editor.clear()
    editor.send_keys(json.dumps({**POLICY, "follow_up_minutes": 0}))
    go(browser, browser.find_element(By.ID, "review"))
    assert "minutes until a follow-up is due" in browser.find_element(By.ID, "error").text

    editor = browser.find_element(By.ID, "document")
    editor.clear()
    editor.send_keys(json.dumps(POLICY))
    go(browser, browser.find_element(By.ID, "review"))
    changes = browser.find_element(By.ID, "changes").text
    assert "roles.agent.per_case" in changes and "5000" in changes
    go(browser, browser.find_element(By.ID, "publish"))
    assert "Version 1 published" in browser.find_element(By.ID, "done").text

    # A second edit: one value, shown before → after, then in the history with who.
    editor = browser.find_element(By.ID, "document")
    text = editor.get_attribute("value") or ""
    assert json.loads(text)["roles"]["agent"]["per_case"] == 5000
    edited = json.loads(text)
    edited["roles"]["agent"]["per_case"] = 6500
    editor.clear()
    editor.send_keys(json.dumps(edited))
    go(browser, browser.find_element(By.ID, "review"))
    assert browser.find_element(By.CSS_SELECTOR, "#changes td.before").text == "5000"
    assert browser.find_element(By.CSS_SELECTOR, "#changes td.after").text == "6500"
    go(browser, browser.find_element(By.ID, "publish"))
    history = browser.find_element(By.ID, "history").text
    assert "2 test (token 1)" in history and "roles.agent.per_case" in history
    assert hq.client.get("/api/v1/policy", headers=desk.auth).json()["version"] == 2
    # The stylesheet applied: the page is styled, with no inline style to allow.
    assert browser.find_element(By.ID, "done").value_of_css_property("font-weight") == "600"
    assert csp_violations(browser) == []
