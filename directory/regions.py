"""Load China's administrative divisions from the offline `cpca` dataset."""

import csv
import functools
import importlib.util
import io
import re
import uuid
from pathlib import Path

from pypinyin import lazy_pinyin

from .reference_data import EXTRA_PROVINCES, MUNICIPALITIES, SLUG_EXCEPTIONS
from .region_names import english_name

SUFFIXES = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$")


def short_name(name: str) -> str:
    return SUFFIXES.sub("", name) or name


def pinyin_slug(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower()


def cpca_rows() -> list[dict]:
    # Read the data file without importing cpca, whose import pulls in pandas and pkg_resources.
    spec = importlib.util.find_spec("cpca")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _float(value: str):
    return float(value) if value else None


@functools.cache
def region_rows() -> list[dict]:
    """Provinces, cities and districts as dicts with parent adcodes, municipalities folded.

    In cpca a municipality (北京, 上海, 天津, 重庆) has city-level rows called 市辖区/县; we show
    the municipality itself as its only city so that "北京市 / 北京市" works like "广东省 / 广州市".
    """
    rows = {}
    for raw in cpca_rows():
        code = raw["adcode"][:6]
        name = raw["name"]
        lat, lng = _float(raw["latitude"]), _float(raw["longitude"])
        if code.endswith("0000"):
            level, parent = 1, None
        elif code.endswith("00"):
            level, parent = 2, code[:2] + "0000"
        else:
            level, parent = 3, code[:4] + "00"
        prov = code[:2]
        if prov in MUNICIPALITIES:
            if level == 2:
                if code[2:4] != "01":
                    continue  # 县 rows fold into the one city
                continue  # the city row is synthesised from the province below
            if level == 3:
                parent = prov + "0100"
        if level == 3 and name == "市辖区":
            continue
        rows[code] = {
            "adcode": code,
            "name": name,
            "level": level,
            "parent": parent,
            "lat": lat,
            "lng": lng,
        }
    for prov in MUNICIPALITIES:
        p = rows[prov + "0000"]
        rows[prov + "0100"] = {**p, "adcode": prov + "0100", "level": 2, "parent": p["adcode"]}
    for code, name, city, lng, lat in EXTRA_PROVINCES:
        rows[code] = {
            "adcode": code,
            "name": name,
            "level": 1,
            "parent": None,
            "lat": lat,
            "lng": lng,
        }
        city_code = code[:2] + "0100"
        rows[city_code] = {
            "adcode": city_code,
            "name": city,
            "level": 2,
            "parent": code,
            "lat": lat,
            "lng": lng,
        }
    for row in rows.values():
        row["short_name"] = short_name(row["name"])
        if row["level"] == 1:
            row["slug"] = SLUG_EXCEPTIONS.get(row["adcode"], pinyin_slug(row["short_name"]))
        elif row["level"] == 2:
            row["slug"] = f"{pinyin_slug(row['short_name'])}-{row['adcode']}"
        else:
            row["slug"] = ""
        row["name_en"] = english_name(row["adcode"], row["name"], row["level"])
    return sorted(rows.values(), key=lambda r: (r["level"], r["adcode"]))


def load_regions(Region, locale) -> int:
    """Create or update every region, level by level so parents exist first.

    Works with the real model and with a data migration's historical model alike.
    """
    by_code = {r.adcode: r for r in Region.objects.filter(locale=locale)}
    created = 0
    rows = region_rows()
    for level in (1, 2, 3):
        new, changed = [], []
        for row in (r for r in rows if r["level"] == level):
            region = by_code.get(row["adcode"])
            is_new = region is None
            if is_new:
                region = Region(adcode=row["adcode"], locale=locale, translation_key=uuid.uuid4())
            region.name = row["name"]
            # An English name an editor has changed is kept.
            region.name_en = getattr(region, "name_en", "") or row["name_en"]
            region.short_name = row["short_name"]
            region.level = row["level"]
            region.slug = row["slug"]
            region.latitude, region.longitude = row["lat"], row["lng"]
            region.parent = by_code.get(row["parent"]) if row["parent"] else None
            (new if is_new else changed).append(region)
        Region.objects.bulk_create(new)
        fields = [
            "name",
            "name_en",
            "short_name",
            "level",
            "slug",
            "latitude",
            "longitude",
            "parent",
        ]
        Region.objects.bulk_update(changed, fields, batch_size=500)
        for region in new:
            by_code[region.adcode] = region
        created += len(new)
    return created


def fill_english_names(Region, locale) -> int:
    """Give every region without an English name the rule's (directory/region_names.py)."""
    by_code = {row["adcode"]: row["name_en"] for row in region_rows()}
    missing = list(Region.objects.filter(locale=locale, name_en=""))
    for region in missing:
        region.name_en = by_code.get(region.adcode) or english_name(
            region.adcode, region.name, region.level
        )
    Region.objects.bulk_update(missing, ["name_en"], batch_size=500)
    return len(missing)
