"""The directory's fixed vocabularies as the seeds name them (seed 003 annex 1, seed 002, seed 004).

Loaded by a data migration; editors can rename or translate them in the admin afterwards.
Codes are stable and used in URLs, the importer and the API.
"""

# (code, name, slug, parent code)
CATEGORIES = [
    ("university", "高校类服务网点", "university", None),
    ("research", "科研院所、科技情报机构类服务网点", "research", None),
    ("library", "公共图书馆类服务网点", "library", None),
    ("park", "经济技术开发区、高新技术产业开发区、产业园区生产力促进机构类服务网点", "park", None),
    ("association", "行业组织类服务网点", "association", None),
    ("market_firm", "市场化服务机构类服务网点", "market-firm", None),
    ("market_consulting", "咨询服务类", "market-consulting", "market_firm"),
    ("market_information", "信息服务类", "market-information", "market_firm"),
    ("market_agency", "代理服务类", "market-agency", "market_firm"),
    ("market_legal", "法律服务类", "market-legal", "market_firm"),
    ("market_operation", "运营服务类", "market-operation", "market_firm"),
    ("rights_aid", "维权援助工作站类服务网点", "rights-aid", None),
    ("other", "其他知识产权机构类服务网点", "other", None),
]

# (code, name, short name)
QUALIFICATIONS = [
    ("tisc", "技术与创新支持中心（TISC）", "TISC"),
    ("university_center", "高校国家知识产权信息服务中心", "高校中心"),
    ("national_point", "国家知识产权信息公共服务网点", "国家级网点"),
    ("provincial_point", "省级知识产权信息公共服务网点", "省级网点"),
    ("city_point", "市级知识产权信息公共服务网点", "市级网点"),
    ("patent_doc_point", "全国专利文献服务网点", "专利文献服务网点"),
    ("patent_info_base", "国家级专利信息传播利用基地", "专利信息传播利用基地"),
    ("other", "其他资质", "其他"),
]

NODE_LEVELS = [
    ("national", "国家级节点"),
    ("provincial", "省级节点"),
    ("regional_central_city", "区域中心城市节点"),
    ("municipal", "地市级节点"),
]

AUDIENCES = [
    ("government", "政府部门"),
    ("research", "科研机构"),
    ("university", "高校"),
    ("enterprise", "企事业单位"),
    ("public", "社会公众"),
]

# cpca (≈2019) has no rows for Hong Kong, Macao and Taiwan; these are their official
# province-level adcodes and seat coordinates, with one city-level entry each.
EXTRA_PROVINCES = [
    ("810000", "香港特别行政区", "香港", 114.173355, 22.320048),
    ("820000", "澳门特别行政区", "澳门", 113.543028, 22.186835),
    ("710000", "台湾省", "台北", 121.509062, 25.044332),
]

MUNICIPALITIES = {"11", "12", "31", "50"}

SLUG_EXCEPTIONS = {"610000": "shaanxi"}  # 陕西 and 山西 share the pinyin "shanxi"
