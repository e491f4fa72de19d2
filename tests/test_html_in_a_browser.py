"""The HTML report in a real browser (headless Chromium through Selenium): what a person sees.

Skipped where Debian's `chromium` and `chromium-driver` or the selenium package are missing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

webdriver = pytest.importorskip("selenium.webdriver")
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="chromium and chromium-driver are not installed")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "herald-interview-russia-north-korea-2015.txt"


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    (folder / "interview.txt").write_text(
        SEED.read_text(encoding="utf-8").replace("$10 billion of Pyongyang", "$12 billion of Pyongyang"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(app, ["scan", "interview.txt", "--format", "html", "--output-file", "report.html"])
    assert result.exit_code == 1, result.stderr
    return folder / "report.html"


def visible_at_its_centre(driver, element) -> bool:
    """The element is drawn and nothing covers its centre."""
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return r.width > 0 && r.height > 0 && (hit === arguments[0] || arguments[0].contains(hit));", element)


def test_the_error_is_listed_first_and_its_badge_is_red_and_visible(browser, page):
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    first = browser.find_element(By.CSS_SELECTOR, "aside#findings li a")
    assert first.text.startswith("✗ ") and "[part_of_whole]" in first.text
    first.click()
    badge = browser.find_element(By.CSS_SELECTOR, "details.verdict-inconsistent > summary")
    assert badge.text == "✗ part_of_whole"
    assert visible_at_its_centre(browser, badge)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", badge) == "rgb(176, 0, 32)"


def test_clicking_the_badge_opens_its_explanation(browser, page):
    from selenium.webdriver.common.by import By

    browser.get(page.as_uri())
    details = browser.find_element(By.CSS_SELECTOR, "details.verdict-inconsistent")
    explanation = details.find_element(By.CSS_SELECTOR, "div")
    assert not explanation.is_displayed()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", details)
    details.find_element(By.CSS_SELECTOR, "summary").click()
    assert explanation.is_displayed()
    assert "$12 billion of $11 billion: the part exceeds the whole" in explanation.text
    assert visible_at_its_centre(browser, explanation)
    mark = browser.find_element(By.CSS_SELECTOR, "mark.kind-money")
    assert mark.get_attribute("title").startswith("money: USD ")
    assert browser.save_screenshot(str(page.with_suffix(".png")))  # docs/html-report.png is one of these
