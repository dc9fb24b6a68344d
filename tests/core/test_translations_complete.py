"""The admin in Chinese is Chinese throughout: every msgid of ours has a zh_Hans translation.

The catalogue check extracts the messages as `make messages` does, into a copy of the sources
(the project's own catalogue is never written), and lists every msgid left untranslated or fuzzy.
"""

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
SKIPPED = {".venv", ".tools", ".git", ".cache", ".hypothesis", "media", "private_media", "locale"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _msgids(po_text: str) -> list[str]:
    """The msgids of a .po text (continuation lines joined), without the header."""
    ids = []
    for block in po_text.split("\n\n"):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if match:
            text = "".join(re.findall(r'"(.*)"', match.group(1)))
            if text:
                ids.append(text)
    return ids


def _copy_sources(target: Path) -> None:
    for entry in ROOT.iterdir():
        if entry.name in SKIPPED or not entry.is_dir():
            continue
        shutil.copytree(
            entry,
            target / entry.name,
            ignore=lambda folder, names: [
                n
                for n in names
                if not (Path(folder, n).is_dir() or n.endswith((".py", ".html", ".txt")))
                or n in ("__pycache__", "node_modules", "static")
            ],
        )
    (target / "locale" / "zh_Hans" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOGUE, target / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")


def test_every_msgid_of_ours_has_a_chinese_translation(tmp_path):
    if not shutil.which("xgettext") or not shutil.which("msgattrib"):
        pytest.fail("GNU gettext is missing (Debian's gettext package): `make messages` needs it")
    # makemessages writes next to the sources it finds: never under the project itself.
    assert ROOT not in tmp_path.parents
    sources = tmp_path / "src"
    _copy_sources(sources)
    subprocess.run(  # noqa: S603 - our own interpreter and a fixed command
        [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=sources,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    extracted = sources / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    missing = []
    for option in ("--untranslated", "--only-fuzzy"):
        listed = subprocess.run(  # noqa: S603 - GNU gettext's own tool, fixed arguments
            [shutil.which("msgattrib"), option, "--no-wrap", str(extracted)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        missing += _msgids(listed)
    assert not missing, (
        f"{len(missing)} msgid(s) without a zh_Hans translation in locale/ (run `make messages`, "
        "then translate them):\n" + "\n".join(missing[:50])
    )


def _sidebar_labels(page: str) -> list[str]:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', page, re.S
    )
    assert props, "no sidebar on the dashboard"
    labels = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "label" and isinstance(item, str):
                    labels.append(item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(json.loads(props.group(1)))
    return labels


# Our custom admin screens, each with the heading a Chinese-reading editor sees.
SCREENS = [
    ("yearly_board", "年度工作总结汇总"),
    ("yearly_flagged", "拟撤销资格的网点"),
    ("notices_to_repost", "待转载通知"),
    ("notices_draft_publicity", "起草公示"),
    ("point_staff_index", "网点工作人员"),
    ("site_search_popular", "热门搜索"),
    ("lifecycle_overdue", "逾期未确认的网点"),
    ("applications_review:index", "网点认定申报"),
    ("lifecycle_change_reports:index", "变更报备"),
    ("consultations:index", "咨询"),
    ("error_reports:index", "信息有误报告"),
]


@pytest.fixture
def office_client(client, office_user):
    client.force_login(office_user)
    return client


@pytest.mark.django_db
def test_our_admin_screens_are_chinese_for_a_chinese_reader(office_client, home_page):
    for name, heading in SCREENS:
        response = office_client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
        assert response.status_code == 200, name
        headings = [
            html.unescape(re.sub(r"<[^>]+>|\s+", " ", h)).strip()
            for h in re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)
        ]
        assert heading in headings, (name, headings)


@pytest.mark.django_db
def test_every_admin_menu_item_is_chinese_for_a_chinese_reader(admin_client, home_page):
    from django.utils import translation
    from wagtail.admin.menu import help_menu, reports_menu

    # The worst case: the process built its menus while an English reader was served (some
    # labels are translated once, when the menu is built).
    for menu in (reports_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)
        with translation.override("en"):
            menu.registered_menu_items  # noqa: B018
    page = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="zh-CN").content
    labels = _sidebar_labels(page.decode())
    assert "年度工作总结" in labels and "变更报备" in labels
    english = [label for label in labels if not HAN.search(label)]
    assert not english, f"menu items without Chinese: {english}"


@pytest.mark.django_db
def test_an_english_reader_gets_the_same_screens_in_english(office_client, office_user, home_page):
    """The admin is under no language prefix, so it speaks the site's language (Chinese) unless
    the editor picks English under Account → Preferred language."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(office_user)
    profile.preferred_language = "en"
    profile.save()
    page = office_client.get(reverse("yearly_board")).content.decode()
    assert "Annual summary board" in page
    assert "年度工作总结汇总" not in page
