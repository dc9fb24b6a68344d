"""The directory's spreadsheet format: columns, list cells and spreadsheet-safe text.

One module owns the format so that the importer and the exporter cannot drift apart.
"""

import re

# In the order the exporter writes them; the first fifteen are the format the IP offices
# exchange, the rest are optional extras of this site (hours, channels and capacity last, as
# the recognition forms ask for them).
COLUMNS = [
    "name",
    "category",
    "qualifications",
    "province",
    "city",
    "district",
    "address",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "services",
    "audiences",
    "description",
    "kind",
    "node_level",
    "recognition_level",
    "recognition_note",
    "status",
    "contact_person",
    "wechat_account",
    "is_demo",
    "open_days",
    "opens",
    "closes",
    "hours_note",
    "channels",
    "staff_total",
    "staff_full_time",
    "staff_part_time",
    "databases",
]
REQUIRED_COLUMNS = ["name", "category", "province"]

# Editors often keep the Chinese headings of the recognising office's own forms.
HEADER_ALIASES = {
    "名称": "name",
    "机构名称": "name",
    "网点名称": "name",
    "类别": "category",
    "机构类别": "category",
    "资质": "qualifications",
    "已获资质": "qualifications",
    "省": "province",
    "省份": "province",
    "市": "city",
    "城市": "city",
    "区县": "district",
    "地址": "address",
    "纬度": "latitude",
    "经度": "longitude",
    "电话": "phone",
    "联系电话": "phone",
    "邮箱": "email",
    "电子邮箱": "email",
    "网址": "website",
    "网站": "website",
    "服务事项": "services",
    "服务": "services",
    "服务对象": "audiences",
    "简介": "description",
    "介绍": "description",
    "类型": "kind",
    "节点层级": "node_level",
    "认定级别": "recognition_level",
    "认定批次": "recognition_note",
    "状态": "status",
    "联系人": "contact_person",
    "微信公众号": "wechat_account",
    "演示数据": "is_demo",
    "服务日": "open_days",
    "服务日期": "open_days",
    "开始时间": "opens",
    "开放时间": "opens",
    "结束时间": "closes",
    "关闭时间": "closes",
    "服务时间说明": "hours_note",
    "服务渠道": "channels",
    "服务方式": "channels",
    "人员总数": "staff_total",
    "服务人员总数": "staff_total",
    "专职人员": "staff_full_time",
    "专职人员数": "staff_full_time",
    "兼职人员": "staff_part_time",
    "兼职人员数": "staff_part_time",
    "数据库": "databases",
    "使用数据库": "databases",
}

# The channels cell: codes the exporter writes, and the words people type.
CHANNELS = {"phone": "channel_phone", "online": "channel_online", "window": "channel_window"}
CHANNEL_ALIASES = {
    "电话": "phone",
    "线上": "online",
    "在线": "online",
    "网络": "online",
    "网上": "online",
    "窗口": "window",
    "现场": "window",
    "到场": "window",
}

LIST_SEPARATORS = re.compile(r"[;；]")
PART_SEPARATORS = re.compile(r"[:：]")
LIST_JOINER = ";"
PART_JOINER = ":"


def canonical_column(header: str) -> str:
    """The column a header names: case, spaces and a BOM do not matter; Chinese aliases work."""
    key = str(header or "").replace("\ufeff", "").strip()
    return HEADER_ALIASES.get(key, key.lower().replace(" ", "_"))


def split_list(value: str) -> list[str]:
    """`a; b；c` → ["a", "b", "c"]; empty items are dropped."""
    return [item.strip() for item in LIST_SEPARATORS.split(value or "") if item.strip()]
