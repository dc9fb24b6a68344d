"""Demo directory: the real organisations of `data/points_real.csv`, loaded through the importer.

Names, places and programmes are real; addresses, phones, e-mails, service lists and
descriptions are invented, marked as demo content, and deterministic (seeded by the name), so
running `load_demo` again changes nothing.
"""

import csv
import hashlib
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale

from home.core.locales import ensure_locale_trees

from .catalogue_data import CATALOGUE, CATEGORY_LISTS
from .io import ImportReport, import_points
from .models import (
    Audience,
    DirectoryIndexPage,
    NodeLevel,
    PointCategory,
    Qualification,
    Region,
    ServiceItem,
    ServicePoint,
)
from .reference_data import AUDIENCES, QUALIFICATIONS

DATA_FILE = Path(__file__).parent / "data" / "points_real.csv"
HOME_TITLE = "知识产权信息公共服务网"
DIRECTORY_TITLE = "知识产权信息公共服务网点名录"
DIRECTORY_SLUG = "directory"

PROGRAMME_QUALIFICATIONS = {
    "tisc": "tisc",
    "university_center": "university_center",
    "national_point": "national_point",
}
NODE_LEVELS = {"provincial_node": "provincial", "city_node": "municipal"}
TYPE_CATEGORIES = {
    "library": "library",
    "research_institute": "research",
    "park": "park",
    "association": "association",
}
# First match wins, so the more specific words come first: 中国科学院 contains 学院, and
# 上海图书馆（上海科学技术情报研究所） is a library.
NAME_CATEGORIES = [
    (r"图书馆", "library"),
    (r"科学院|研究所|研究院|情报|文献", "research"),
    (r"大学|学院|学校", "university"),
    (r"园|开发区|创业中心", "park"),
    (r"有限公司|有限责任公司|事务所", "market_firm"),
    (r"协会|联盟|学会", "association"),
    (r"维权", "rights_aid"),
]
MARKET_KINDS = [
    (r"代理|事务所", "market_agency"),
    (r"律师|法律", "market_legal"),
    (r"运营|交易", "market_operation"),
    (r"咨询", "market_consulting"),
    (r"信息|数据|出版", "market_information"),
]
# Services each kind of point is known for, always on its demo list.
SIGNATURE_SERVICES = {
    "university": ["B03", "B04", "B06"],
    "research": ["B03", "B04", "B13"],
    "library": ["B03", "B04", "P20"],
    "park": ["B03", "B04", "V09"],
    "association": ["B03", "B04", "B07"],
    "market_firm": ["B03", "B04"],
    "market_agency": ["B03", "B18", "P14"],
    "market_legal": ["B04", "P13", "P22"],
    "market_operation": ["B03", "V03", "V04"],
    "market_consulting": ["B03", "B04", "V01"],
    "market_information": ["B03", "P01", "P02"],
    "rights_aid": ["B09", "B11"],
    "other": ["B03", "B04", "B01"],
}
AUDIENCES_BY_CATEGORY = {
    "university": ["research", "university", "enterprise", "public"],
    "research": ["government", "research", "university", "enterprise"],
    "library": ["public", "university", "research", "enterprise"],
    "park": ["government", "enterprise"],
    "association": ["government", "research", "enterprise"],
    "market_firm": ["enterprise", "public"],
    "rights_aid": ["enterprise", "public"],
    "other": ["government", "enterprise", "public"],
}
# Everyday words people search for, said for the points that offer the matching service.
SERVICE_PHRASES = {
    "B18": "专利、商标申请与登记咨询",
    "P14": "专利、商标代理",
    "P20": "专利查新检索",
    "V04": "知识产权质押与融资对接",
    "V09": "知识产权质押融资对接",
    "P17": "企业知识产权贯标辅导",
}
# Where a few well-known campuses and libraries really are: the demo shows real distances for
# them, and "in <city>" for the rest, which stand at their city's centre (coordinates_approximate).
EXACT_PLACES = {
    "中山大学": (23.0966, 113.2988, "广州市海珠区新港西路135号"),
    "广东省科技图书馆（广东省科学院信息研究所）": (23.1395, 113.2960, "广州市越秀区先烈中路100号"),
    "清华大学": (40.0030, 116.3260, "北京市海淀区清华园1号"),
    "北京大学": (39.9929, 116.3055, "北京市海淀区颐和园路5号"),
    "上海图书馆（上海科学技术情报研究所）": (31.2071, 121.4426, "上海市徐汇区淮海中路1555号"),
    "上海交通大学": (31.0252, 121.4337, "上海市闵行区东川路800号"),
    "厦门大学": (24.4381, 118.0964, "厦门市思明区思明南路422号"),
    "东南大学": (32.0565, 118.7935, "南京市玄武区四牌楼2号"),
    "南开大学": (39.1035, 117.1700, "天津市南开区卫津路94号"),
    "中国科学技术大学": (31.8386, 117.2660, "合肥市包河区金寨路96号"),
}
MUNICIPALITY_NAMES = ("北京", "上海", "天津", "重庆")
PRICES = [200, 300, 500, 800, 1000, 2000]
SERVICE_NAMES = {item["code"]: item["name"] for item in CATALOGUE}
# The list "for all points" (seed 003 annex 2): every B, P and V item of the first part.
GENERAL_LIST = [
    (item["code"], item["tier"])
    for item in CATALOGUE
    if int(item["code"][1:]) <= {"B": 12, "P": 18, "V": 8}[item["code"][0]]
]


@dataclass
class Organisation:
    """One organisation; several CSV rows (one per programme) fold into one."""

    name: str
    province: str
    city: str
    types: list[str] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)

    @property
    def is_node(self) -> bool:
        return any(t in NODE_LEVELS for t in self.types)


def read_organisations(path: Path = DATA_FILE) -> list[Organisation]:
    organisations: dict[str, Organisation] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            org = organisations.setdefault(name, Organisation(name, row["province"], row["city"]))
            org.types.append(row["type"])
            if row["batch_or_level"] and row["batch_or_level"] not in org.levels:
                org.levels.append(row["batch_or_level"])
    return list(organisations.values())


def infer_category(org: Organisation) -> str:
    """The category code: from the type where it names one, else from words in the name."""
    for kind in org.types:
        if kind in TYPE_CATEGORIES:
            return TYPE_CATEGORIES[kind]
    if "market_firm" in org.types:
        code = "market_firm"
    else:
        code = next((c for pattern, c in NAME_CATEGORIES if re.search(pattern, org.name)), "other")
    if code == "market_firm":
        return next((k for pattern, k in MARKET_KINDS if re.search(pattern, org.name)), code)
    return code


def infer_qualifications(org: Organisation) -> list[str]:
    codes = [PROGRAMME_QUALIFICATIONS[t] for t in org.types if t in PROGRAMME_QUALIFICATIONS]
    text = "；".join(org.levels)
    # In Beijing, Shanghai, Tianjin and Chongqing a 市 point is a province-level point.
    is_municipality = org.province.startswith(MUNICIPALITY_NAMES)
    if org.is_node:
        # A node's text speaks of the points it organises (“组织市级/省级网点申报”), not of itself.
        return codes
    if re.search(r"(省|自治区)[^（）]*网点", text):
        codes.append("provincial_point")
    if re.search(r"市[^（）]*网点|市级", text):
        codes.append("provincial_point" if is_municipality else "city_point")
    if "全国专利文献服务网点" in text:
        codes.append("patent_doc_point")
    return list(dict.fromkeys(codes))


def recognition_level(org: Organisation, qualifications: list[str]) -> str:
    text = "；".join(org.levels)
    if org.is_node:
        if "provincial_node" in org.types:
            return "provincial"
        return "district" if "区县" in text else "city"
    for level, codes in (
        ("national", {"tisc", "university_center", "national_point", "patent_doc_point"}),
        ("provincial", {"provincial_point"}),
        ("city", {"city_point"}),
    ):
        if codes & set(qualifications):
            return level
    return ""


def pick_services(name: str, category: str) -> list[tuple[str, str]]:
    """A deterministic 6–12 item subset of the category's catalogue list, in list order."""
    top = "market_firm" if category.startswith("market_") else category
    offered = CATEGORY_LISTS.get(top, GENERAL_LIST)
    rng = _rng(name)
    signature = [code for code in SIGNATURE_SERVICES.get(category, []) if code in dict(offered)]
    rest = [code for code, _tier in offered if code not in signature]
    size = min(len(offered), rng.randint(6, 12))
    chosen = set(signature) | set(rng.sample(rest, max(0, size - len(signature))))
    return [(code, tier) for code, tier in offered if code in chosen]


def offering_cell(name: str, code: str, tier: str) -> str:
    if tier == "basic":
        return f"{code}:basic"
    rng = _rng(name + code)
    if tier == "professional" and rng.random() < 0.6:
        return f"{code}:{tier}:low_cost:演示价格 {rng.choice(PRICES)} 元/项起"
    return f"{code}:{tier}:negotiable"


def describe(org: Organisation, qualifications: list[str], services: list[str]) -> str:
    names = {code: name for code, name, _short in QUALIFICATIONS}
    held = "、".join(names[q] for q in qualifications)
    intro = f"{org.name}，已获资质：{held}。" if held else f"{org.name}位于{org.city}。"
    offered = "、".join(SERVICE_NAMES[code] for code in services)
    text = f"（演示内容）{intro}面向社会提供{offered}等服务"
    phrases = [SERVICE_PHRASES[code] for code in services if code in SERVICE_PHRASES]
    if phrases:
        text += "，可办理" + "、".join(phrases)
    return text + "。服务详情请以机构公布的信息为准。"


def demo_row(org: Organisation, number: int) -> dict[str, str]:
    """One organisation in the import format, with placeholder contact details."""
    category = infer_category(org)
    qualifications = infer_qualifications(org)
    services = pick_services(org.name, category)
    top = "market_firm" if category.startswith("market_") else category
    audiences = [code for code, _name in AUDIENCES] if org.is_node else AUDIENCES_BY_CATEGORY[top]
    node_level = next((NODE_LEVELS[t] for t in org.types if t in NODE_LEVELS), "")
    place = EXACT_PLACES.get(org.name)
    # Without coordinates the importer leaves a point at its city's centre, flagged approximate.
    located = (
        {
            "latitude": str(place[0]),
            "longitude": str(place[1]),
            "address": f"（演示地址）{place[2]}",
        }
        if place
        else {"latitude": "", "longitude": ""}
    )
    return {
        "name": org.name,
        "category": category,
        "qualifications": ";".join(qualifications),
        "province": org.province,
        "city": org.city,
        "address": f"（演示地址）{org.city}示例路{number}号",
        "phone": f"010-0000-{number:04d}",
        "email": f"point-{number:03d}@example.com",
        "services": ";".join(offering_cell(org.name, code, tier) for code, tier in services),
        "audiences": ";".join(audiences),
        "description": describe(org, qualifications, [code for code, _tier in services]),
        "kind": "node" if org.is_node else "point",
        "node_level": node_level,
        "recognition_level": recognition_level(org, qualifications),
        "recognition_note": "；".join(org.levels),
        "status": "active",
        "is_demo": "1",
        **located,
    }


def demo_rows(path: Path = DATA_FILE) -> list[dict[str, str]]:
    return [demo_row(org, n) for n, org in enumerate(read_organisations(path), start=1)]


def _rng(seed: str) -> random.Random:
    # hash() is salted per process; a digest gives the same choices on every run.
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:16], 16))  # noqa: S311


def ensure_directory_page(home) -> DirectoryIndexPage:
    directory = DirectoryIndexPage.objects.child_of(home).first()
    if directory is None:
        directory = DirectoryIndexPage(title=DIRECTORY_TITLE, slug=DIRECTORY_SLUG)
        home.add_child(instance=directory)
        directory.save_revision().publish()
    return directory


@transaction.atomic
def load_demo(home, path: Path = DATA_FILE) -> ImportReport:
    """The directory page under `home` (the site's home page) and the demo points in it."""
    directory = ensure_directory_page(home)
    report = import_points(demo_rows(path), directory_page=directory)
    if not report.ok:
        # The data file ships with the code; a bad row is a bug, and the pages must roll back.
        raise ValueError("\n".join(str(e) for e in report.errors))
    ensure_locale_trees()
    index_reference_data()
    return report


def index_reference_data() -> None:
    """Vocabularies come from data migrations, which bypass the search index's signals."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    backend = get_search_backend()
    for model in (PointCategory, Qualification, NodeLevel, Audience, ServiceItem, Region):
        content_type = ContentType.objects.get_for_model(model)
        indexed = IndexEntry.objects.filter(content_type=content_type).count()
        if indexed < model.objects.count():  # a second run has nothing to do
            backend.add_bulk(model, model.objects.all())


def demo_region(adcode: str):
    """The default locale's region of this adcode (None for none)."""
    if not adcode:
        return None
    return Region.objects.filter(adcode=adcode, locale=Locale.get_default()).first()


def demo_services(*codes: str) -> list:
    return list(ServiceItem.objects.filter(code__in=codes, locale=Locale.get_default()))


def demo_points() -> list:
    """The active default-locale points the editorial demo links to, in a fixed order."""
    return list(
        ServicePoint.objects.live()
        .filter(locale=Locale.get_default(), alias_of__isnull=True, status="active")
        .select_related("city", "province", "category")
        .order_by("pk")
    )
