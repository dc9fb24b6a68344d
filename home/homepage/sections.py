"""The site's fixed sections under the home page: notices, cases, events.

Shared by `load_demo` and the tests, so both see the real site's shape.
"""

from home.cases.models import CaseIndexPage
from home.events.models import EventIndexPage
from home.notices.models import NoticeIndexPage

from .models import HomePage

SECTIONS = [
    (
        NoticeIndexPage,
        "notices",
        "通知公告",
        "国家知识产权局及各地知识产权管理部门发布的通知公告、政策文件、政策解读和工作动态。",
    ),
    (CaseIndexPage, "cases", "典型案例", "知识产权信息公共服务网点的典型案例与优秀实践。"),
    (EventIndexPage, "events", "活动", "服务网点举办的培训、讲座、展览、沙龙、公开课和路演。"),
]


def ensure_section(home: HomePage, model, slug: str, title: str, intro: str):
    page = model.objects.child_of(home).first()
    if page is None:
        page = model(title=title, slug=slug, intro=intro)
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def ensure_sections(home: HomePage) -> dict[str, object]:
    """Create the notice, case and event index pages if missing; {slug: page}."""
    return {
        slug: ensure_section(home, model, slug, title, intro)
        for model, slug, title, intro in SECTIONS
    }
