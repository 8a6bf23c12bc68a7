"""Make the README's screenshots from the demo data, in a real browser.

Run from the project root:

    .venv/bin/python docs/screenshots.py

What it does: builds a fresh SQLite database and media folder of its own in a temporary
directory (the project's db.sqlite3 and media/ are not touched), runs ``migrate`` and
``load_demo``, starts ``manage.py runserver 127.0.0.1:8123 --noreload`` on it, and drives
Debian's Chromium (``CHROMIUM_PATH`` overrides /usr/bin/chromium) with Playwright's sync API:
logs in as the demo learner ``boa`` through the login form, takes the barns module again step by
step as a person would (answers each question and decision with its first option) up to the
"spot the signals" step, places three marks and answers, then opens the certificate list, the
certificate PDF and the public verification page. The PNGs go to docs/screenshots/. The PDF's
first page is rendered with ``pdftoppm`` (Debian package poppler-utils; only needed here).

It writes hotspot-marks.png (the hotspot step with three marks placed), hotspot-feedback.png (its
feedback after answering), certificates.png (/leren/certificaten/), certificate-pdf.png (the
PDF's first page) and verify.png (/verify/DEMO-BOAA-2026/ at phone width, not logged in).

Set ``SCREENSHOTS_KEEP=1`` to keep the temporary directory (database, media, server log).
"""

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
HOST, PORT = "127.0.0.1", 8123
BASE = f"http://{HOST}:{PORT}"
USERNAME, PASSWORD = "boa", "Weerbaar-demo-2026"
MODULE_SLUG = "leegstaande-schuren-en-drugsafval"
CERTIFICATE_CODE = "DEMO-BOAA-2026"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1000, "height": 900}
PHONE = {"width": 414, "height": 860}
# Where to click on the barn illustration, in its 1200 × 800 drawing space (the regions are in
# demo/content/modules/leegstaande-schuren-en-drugsafval.toml): the blacked-out windows and the
# van (signals) and the fence in the foreground (an ordinary thing), so the feedback shows found,
# missed and mistaken.
MARKS = [(430, 452), (850, 560), (160, 700)]
MAX_BYTES = 300_000


def run(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def wait_for_server(process, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"runserver stopped with code {process.returncode}")
        try:
            urllib.request.urlopen(f"{BASE}/inloggen/", timeout=5)  # noqa: S310
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.5)
    raise SystemExit("runserver did not answer in time")


def save(png_bytes, name):
    """Save a screenshot as an optimised PNG, as a palette image if it is still too large."""
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    path = OUT / name
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(
        f"  {path.relative_to(ROOT)}: {image.width}×{image.height}, "
        f"{path.stat().st_size // 1024} KB"
    )


def login(page):
    page.goto("/inloggen/")
    page.locator("#id_login").fill(USERNAME)
    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#login-form button[type=submit]").click()
    if "/inloggen/" in page.url:
        raise SystemExit(f"login as {USERNAME} failed")


def submit(page, button):
    with page.expect_navigation():
        button.click()


def walk_to_hotspot(page):
    """Open the barns module from the catalogue and go through it to the hotspot step."""
    page.goto("/leren/")
    with page.expect_navigation():
        page.locator(f"a[href*='/{MODULE_SLUG}/']").first.click()
    submit(page, page.locator("form[action*='/start/'] button[type=submit]"))
    for _ in range(30):
        if page.locator("form[data-hotspot]").count():
            return
        answer_form = page.locator("form.answer-form")
        if answer_form.count():
            answer_form.locator("input[name=option]").first.check()
            submit(page, answer_form.locator("button[type=submit]"))
            continue
        next_button = page.locator(".step-nav form[action$='/verder/'] button")
        if not next_button.count():
            raise SystemExit(f"stuck on {page.url}: no answer form and no next step")
        submit(page, next_button)
    raise SystemExit("did not reach the hotspot step")


def click_marks(page):
    overlay = page.locator("[data-hotspot-overlay]")
    overlay.scroll_into_view_if_needed()
    box = overlay.bounding_box()
    for x, y in MARKS:
        page.mouse.click(box["x"] + x / 1200 * box["width"], box["y"] + y / 800 * box["height"])
    page.locator("[data-hotspot-count]").wait_for()


def page_shot(page, name, until=None):
    """The whole page, as tall as its content (not the window), or from the top down to the
    bottom of the element ``until``."""
    size = page.viewport_size
    width = size["width"]
    page.set_viewport_size({"width": width, "height": 300})
    page.evaluate("window.scrollTo(0, 0)")
    clip = None
    if until:
        box = page.locator(until).bounding_box()  # page coordinates: scrolled to the top
        clip = {"x": 0, "y": 0, "width": width, "height": box["y"] + box["height"] + 16}
    save(page.screenshot(full_page=True, clip=clip), name)
    page.set_viewport_size(size)


def main():
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        raise SystemExit("pdftoppm is missing: apt-get install poppler-utils")
    with socket.socket() as probe:
        if probe.connect_ex((HOST, PORT)) == 0:
            raise SystemExit(f"{HOST}:{PORT} is in use: stop what runs there first")
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="screenshots-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    print(f"Database and media in {work}")
    run(env, "migrate", "--noinput", "-v", "0")
    run(env, "load_demo", "-v", "1")
    log = (work / "runserver.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"{HOST}:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    errors = []

    def record_errors(response):
        if response.status >= 500:
            errors.append(f"{response.status} {response.request.method} {response.url}")

    try:
        wait_for_server(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=CHROMIUM_ARGS, headless=True
            )
            context = browser.new_context(
                locale="nl-NL", viewport=DESKTOP, base_url=BASE, device_scale_factor=1
            )
            context.set_default_timeout(30_000)
            context.on("response", record_errors)
            page = context.new_page()
            print("Logging in and taking the barns module")
            login(page)
            walk_to_hotspot(page)
            page.locator(".hotspot__image").evaluate(
                "img => img.complete || new Promise(done => img.onload = done)"
            )
            click_marks(page)
            # Down to the marks counter; the list "Describe what you see" below is left out.
            page_shot(page, "hotspot-marks.png", until="[data-hotspot-tools]")
            submit(page, page.locator("form[data-hotspot] button[type=submit]"))
            page.locator("#feedback").wait_for()
            page.wait_for_timeout(300)  # hotspot.js draws the remembered marks
            page_shot(page, "hotspot-feedback.png")

            print("Certificates")
            page.goto("/leren/certificaten/")
            page_shot(page, "certificates.png")
            pdf_link = page.locator("a[href*='/leren/certificaten/'][href$='/pdf/']").first
            response = page.request.get(pdf_link.get_attribute("href"))
            if not response.ok:
                raise SystemExit(f"the certificate PDF answered {response.status}")
            pdf = work / "certificate.pdf"
            pdf.write_bytes(response.body())
            page_1 = ["-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile"]
            command = [pdftoppm, *page_1, str(pdf), str(work / "certificate")]
            subprocess.run(command, check=True)  # noqa: S603
            save((work / "certificate.png").read_bytes(), "certificate-pdf.png")

            # The public check, as anyone (no login), at phone width.
            visitor = browser.new_context(locale="nl-NL", viewport=PHONE, base_url=BASE)
            visitor.on("response", record_errors)
            check = visitor.new_page()
            check.goto(f"/verify/{CERTIFICATE_CODE}/")
            page_shot(check, "verify.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        if os.environ.get("SCREENSHOTS_KEEP"):
            print(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if errors:
        raise SystemExit("the server answered with an error:\n" + "\n".join(errors))


if __name__ == "__main__":
    main()
