"""Steps in Wagtail's admin that several journeys share."""

import re

from playwright.sync_api import Page


def log_in(admin: Page, username: str, password: str, next_url: str) -> None:
    admin.goto(f"/admin/login/?next={next_url}")
    admin.locator("input[name=username]").fill(username)
    admin.locator("input[name=password]").fill(password)
    admin.locator("form:has(input[name=password]) button[type=submit]").click()
    admin.wait_for_url(re.compile(re.escape(next_url) + "$"))


def pause_autosave(admin: Page) -> None:
    """Switch off Wagtail's autosave on the page editor that is open.

    Wagtail autosaves a new page as a draft while it is typed and then points the form at the
    draft's edit URL. Whether and when that happens depends on timers, and a publish or submit
    that leaves while the first autosave is still on its way posts the add form again and makes a
    second page. The journeys are about publishing and approving, so they switch autosave off,
    the way the editor does itself after an autosave conflict.
    """
    admin.locator("form#page-edit-form").evaluate(
        "form => form.setAttribute('data-w-autosave-active-value', 'false')"
    )
