"""English names of China's administrative divisions, one per region row (`Region.name_en`).

The rule, so that every name reads the same way:

- Provinces, autonomous regions and municipalities by their usual English name, without the
  type word ("Guangdong", "Guangxi", "Inner Mongolia", "Tibet", "Beijing"): in a list of
  provinces the type adds nothing an English reader expects. Hong Kong and Macao keep "SAR",
  part of their official short names.
- Cities by the name alone ("Guangzhou", "Xi'an"), official spellings where pinyin is not what
  English uses ("Harbin", "Hohhot", "Urumqi", "Lhasa"); prefectures and leagues keep their type
  ("Hotan Prefecture", "Xing'an League"); autonomous prefectures by their official form,
  ethnic groups in English ("Yanbian Korean Autonomous Prefecture").
- Districts and counties with their type in English ("Yuexiu District", "Pei County",
  "Jingning She Autonomous County"); county-level cities by the name alone.
- Otherwise toneless pinyin of the name, syllables joined, an apostrophe before a syllable
  that starts with a vowel (Xi'an, not Xian), first letter capitalised.
"""

import re

from pypinyin import lazy_pinyin

PROVINCES = {
    "110000": "Beijing",
    "120000": "Tianjin",
    "130000": "Hebei",
    "140000": "Shanxi",
    "150000": "Inner Mongolia",
    "210000": "Liaoning",
    "220000": "Jilin",
    "230000": "Heilongjiang",
    "310000": "Shanghai",
    "320000": "Jiangsu",
    "330000": "Zhejiang",
    "340000": "Anhui",
    "350000": "Fujian",
    "360000": "Jiangxi",
    "370000": "Shandong",
    "410000": "Henan",
    "420000": "Hubei",
    "430000": "Hunan",
    "440000": "Guangdong",
    "450000": "Guangxi",
    "460000": "Hainan",
    "500000": "Chongqing",
    "510000": "Sichuan",
    "520000": "Guizhou",
    "530000": "Yunnan",
    "540000": "Tibet",
    "610000": "Shaanxi",
    "620000": "Gansu",
    "630000": "Qinghai",
    "640000": "Ningxia",
    "650000": "Xinjiang",
    "710000": "Taiwan",
    "810000": "Hong Kong SAR",
    "820000": "Macao SAR",
}

# Cities (and a few districts) whose English name is not their plain pinyin, or whose pinyin
# a reader would get wrong from the characters (多音字: 重庆, 厦门, 蚌埠, 六安 …).
OFFICIAL = {
    "110100": "Beijing",
    "120100": "Tianjin",
    "310100": "Shanghai",
    "500100": "Chongqing",
    "810100": "Hong Kong",
    "820100": "Macao",
    "710100": "Taipei",
    "230100": "Harbin",
    "150100": "Hohhot",
    "150200": "Baotou",
    "650100": "Urumqi",
    "650200": "Karamay",
    "540100": "Lhasa",
    "540200": "Shigatse",
    "350200": "Xiamen",
    "340300": "Bengbu",
    "341500": "Lu'an",
    "341600": "Bozhou",
    "331100": "Lishui",
    "511100": "Leshan",
    "430100": "Changsha",
    "220100": "Changchun",
    "140200": "Datong",
    "130600": "Baoding",
    "370200": "Qingdao",
    "610100": "Xi'an",
    "210200": "Dalian",
    "440300": "Shenzhen",
    "442000": "Zhongshan",
    "441900": "Dongguan",
    "653100": "Kashgar Prefecture",
    "653200": "Hotan Prefecture",
    "652900": "Aksu Prefecture",
    "654200": "Tacheng Prefecture",
    "654300": "Altay Prefecture",
    "140400": "Changzhi",
    "141100": "Lüliang",
    "150600": "Ordos",
    "150700": "Hulunbuir",
    "150800": "Bayannur",
    "150900": "Ulanqab",
    "152500": "Xilingol League",
    "152900": "Alxa League",
    "211300": "Chaoyang",
    "230200": "Qiqihar",
    "411100": "Luohe",
    "440113": "Panyu District",
    "513200": "Ngawa Tibetan and Qiang Autonomous Prefecture",
    "513300": "Garze Tibetan Autonomous Prefecture",
    "540300": "Qamdo",
    "540400": "Nyingchi",
    "542400": "Nagqu",
    "542500": "Ngari Prefecture",
    "632600": "Golog Tibetan Autonomous Prefecture",
    "650400": "Turpan",
    "652700": "Bortala Mongol Autonomous Prefecture",
    "652800": "Bayingolin Mongol Autonomous Prefecture",
    "653000": "Kizilsu Kirgiz Autonomous Prefecture",
    "654000": "Ili Kazakh Autonomous Prefecture",
    "139000": "County-level divisions under Hebei",
    "419000": "County-level divisions under Henan",
    "429000": "County-level divisions under Hubei",
    "469000": "County-level divisions under Hainan",
    "659000": "County-level divisions under Xinjiang",
}

# Ethnic groups as they appear in the names of autonomous prefectures, counties and banners.
ETHNIC = {
    "朝鲜": "Korean",
    "土家": "Tujia",
    "苗": "Miao",
    "藏": "Tibetan",
    "羌": "Qiang",
    "彝": "Yi",
    "布依": "Bouyei",
    "侗": "Dong",
    "哈尼": "Hani",
    "壮": "Zhuang",
    "傣": "Dai",
    "白": "Bai",
    "景颇": "Jingpo",
    "傈僳": "Lisu",
    "回": "Hui",
    "蒙古": "Mongol",
    "柯尔克孜": "Kirgiz",
    "哈萨克": "Kazakh",
    "维吾尔": "Uygur",
    "满": "Manchu",
    "畲": "She",
    "瑶": "Yao",
    "黎": "Li",
    "水": "Sui",
    "仡佬": "Gelao",
    "纳西": "Naxi",
    "拉祜": "Lahu",
    "佤": "Va",
    "布朗": "Blang",
    "独龙": "Derung",
    "怒": "Nu",
    "普米": "Pumi",
    "达斡尔": "Daur",
    "鄂温克": "Ewenki",
    "鄂伦春": "Oroqen",
    "锡伯": "Xibe",
    "塔吉克": "Tajik",
    "裕固": "Yugur",
    "保安": "Bonan",
    "东乡": "Dongxiang",
    "撒拉": "Salar",
    "土": "Tu",
    "毛南": "Maonan",
    "仫佬": "Mulao",
    "各": "Multi-ethnic",
}

# Type words, longest first; None: the name alone (a county-level city).
TYPES = [
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("地区", "Prefecture"),
    ("林区", "Forestry District"),
    ("矿区", "Mining District"),
    ("新区", "New Area"),
    ("特区", "Special District"),
    ("群岛", "Islands"),
    ("盟", "League"),
    ("旗", "Banner"),
    ("区", "District"),
    ("县", "County"),
    ("市", None),
]

_VOWEL = re.compile(r"^[aeo]")
# Characters read one way in place names where pypinyin's everyday reading differs
# (长沙, 长治, 成都, 武都, 朝阳, 漯河).
_PLACE_READINGS = {"长": "chang", "都": "du", "朝": "chao", "漯": "luo"}
_ETHNIC = sorted(ETHNIC, key=len, reverse=True)


def pinyin_name(chinese: str) -> str:
    """Toneless pinyin, one word, capitalised, with the apostrophe of 西安 → Xi'an."""
    syllables = lazy_pinyin(chinese)
    if len(syllables) == len(chinese):  # one syllable a character: place readings apply
        syllables = [_PLACE_READINGS.get(c, s) for c, s in zip(chinese, syllables, strict=True)]
    syllables = [s.replace("v", "ü") for s in syllables if s.strip()]
    text = ""
    for i, syllable in enumerate(syllables):
        if i and _VOWEL.match(syllable) and text[-1:].isalpha():
            text += "'"
        text += syllable.lower()
    return text[:1].upper() + text[1:]


def _ethnic_groups(stem: str) -> tuple[str, list[str]]:
    """Split 延边朝鲜族 into the place (延边) and its groups (Korean), read from the end."""
    groups: list[str] = []
    while stem:
        stem = stem.removesuffix("族")
        for word in _ETHNIC:
            # The place keeps at least two characters (白 in 白城 is not the Bai group).
            if stem.endswith(word) and len(stem) - len(word) >= 2:
                groups.insert(0, ETHNIC[word])
                stem = stem[: -len(word)]
                break
        else:
            break
    return stem, groups


def english_name(adcode: str, name: str, level: int) -> str:
    """The English name of one region (see the module's rule)."""
    if level == 1:
        return PROVINCES.get(adcode) or pinyin_name(name)
    if adcode in OFFICIAL:
        return OFFICIAL[adcode]
    for suffix, english in TYPES:
        stem = name.removesuffix(suffix)
        if stem == name or not stem:
            continue
        if suffix.startswith("自治"):
            place, groups = _ethnic_groups(stem)
            if not groups and stem.removesuffix("族") in ETHNIC:
                # 鄂伦春自治旗: the group is the whole name.
                place, groups = "", [ETHNIC[stem.removesuffix("族")]]
            words = [pinyin_name(place) if place else "", " and ".join(groups), english]
            return " ".join(word for word in words if word)
        if level == 2 and suffix == "区" or english is None:
            return pinyin_name(stem)
        return f"{pinyin_name(stem)} {english}"
    return pinyin_name(name)
