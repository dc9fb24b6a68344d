"""Demo notices: the five seed documents with their titles, issuing authorities and document numbers as the texts state them (publication dates approximate: only the years are known)."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils.html import escape

from directory.demo import demo_region, demo_services
from home.core.demo import child, publish_child

from .models import NoticePage

SEEDS = Path(__file__).parent / "seeds"
SHANGHAI = ZoneInfo("Asia/Shanghai")

# (seed file, slug, title, kind, authority, document number, date, scope, region adcode, summary)
SEED_NOTICES = [
    (
        "000_d1bf5b9153501aad.txt",
        "tisc-second-batch-2019",
        "国家知识产权局办公室关于启动第二批技术与创新支持中心（TISC）筹建工作的通知",
        "notice",
        "国家知识产权局办公室",
        "国知办函服字〔2019〕461号",
        datetime.date(2019, 12, 1),
        "national",
        None,
        "确定电子科技大学等11家单位为第二批技术与创新支持中心承办机构，明确基础性、进阶性和增值服务内容及5×8小时咨询反馈等要求。",
    ),
    (
        "001_d650c46ddbb1342b.txt",
        "tisc-work-guideline",
        "技术与创新支持中心（TISC）工作指引",
        "policy",
        "国家知识产权局",
        "",
        datetime.date(2024, 12, 1),
        "national",
        None,
        "明确TISC基础性、重点和协同服务，区域TISC网络、园区工作站、开放许可专利对接、服务清单与反馈回访、账号权限与数据安全等要求。",
    ),
    (
        "002_d7b7c70fb94a3c2c.txt",
        "heilongjiang-technical-standard",
        "知识产权信息公共服务技术规范",
        "policy",
        "黑龙江省知识产权局",
        "",
        datetime.date(2023, 1, 1),
        "province",
        "230000",
        "规定知识产权信息公共服务节点、网点的机构管理、服务内容和服务改进要求，包括个人信息经同意方可收集、意见反馈渠道和实践案例库。",
    ),
    (
        "003_ebd864ff72252ce4.txt",
        "guangzhou-point-recognition-guide",
        "广州市知识产权信息公共服务网点认定工作指南",
        "policy",
        "广州市市场监督管理局（广州市知识产权局）",
        "",
        datetime.date(2022, 1, 1),
        "city",
        "440100",
        "规定广州市知识产权信息公共服务网点的认定条件、申报材料、名录管理、变更与撤销、年度总结、服务台账和服务事项参考清单。",
    ),
    (
        "004_2cd6900b960dfdf4.txt",
        "national-work-guideline-2020",
        "知识产权信息公共服务工作指引",
        "policy",
        "国家知识产权局办公室",
        "国知办发服字〔2020〕43号",
        datetime.date(2020, 1, 1),
        "national",
        None,
        "明确国家级、省级和区域中心城市节点及各类网点的服务主体、基础与专业服务清单、在网站公开服务事项、意见反馈和优秀实践推广。",
    ),
]


def seed_body(filename: str) -> list[tuple[str, str]]:
    """The document's text as paragraph blocks, with lines such as 第一章 as headings."""
    text = (SEEDS / filename).read_text(encoding="utf-8")
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        line = " ".join(part.strip() for part in paragraph.splitlines() if part.strip())
        if not line:
            continue
        if (
            re.match(r"^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)", line)
            and len(line) < 40
        ):
            blocks.append(("heading", {"text": line, "level": "h2"}))
        else:
            blocks.append(("paragraph", f"<p>{escape(line)}</p>"))
    return blocks


def load_notices(index) -> int:
    created = 0
    for (
        filename,
        slug,
        title,
        kind,
        authority,
        number,
        date,
        scope,
        adcode,
        summary,
    ) in SEED_NOTICES:
        if child(index, NoticePage, slug):
            continue
        notice = NoticePage(
            title=title,
            slug=slug,
            kind=kind,
            issuing_authority=authority,
            document_number=number,
            publication_date=date,
            scope=scope,
            region=demo_region(adcode),
            summary=summary,
            body=seed_body(filename),
            is_demo=True,
        )
        publish_child(index, notice)
        notice.related_services.set(demo_services("B03", "B04", "P03"))
        notice.save_revision().publish()
        created += 1
    return created
