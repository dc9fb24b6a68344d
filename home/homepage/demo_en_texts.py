"""The English of the demo's translated pages, as a translator would enter it in wagtail-localize.

`PAGES` maps a page (its section slug and own slug under the home page, "" for the home page)
to its translated fields; `STRINGS` maps a Chinese source string (a paragraph of a body) to its
English, wherever it occurs. Slugs are "translated" to themselves so the English URLs match the
Chinese ones and the editor's translation view shows nothing left to do.
"""

# (parent slug, slug) → {field path: English}. "" is the home page.
PAGES: dict[tuple[str, str], dict[str, str]] = {
    ("", ""): {"title": "IP Information Public Service Network", "slug": "home-en"},
    ("", "directory"): {
        "title": "Directory of IP information public service points",
        "slug": "directory",
    },
    ("", "notices"): {
        "title": "Notices",
        "slug": "notices",
        "intro": (
            "Notices, policy documents, policy interpretations and work news from the China "
            "National Intellectual Property Administration and local IP offices."
        ),
    },
    ("", "cases"): {
        "title": "Case studies",
        "slug": "cases",
        "intro": "Case studies and best practice of IP information public service points.",
    },
    ("", "events"): {
        "title": "Events",
        "slug": "events",
        "intro": (
            "Training courses, lectures, exhibitions, salons, open classes and roadshows held by "
            "the service points."
        ),
    },
    ("", "about"): {"title": "About this site", "slug": "about"},
    ("", "accessibility"): {"title": "Accessibility statement", "slug": "accessibility"},
    ("", "contact"): {"title": "Contact us", "slug": "contact"},
    ("", "faq"): {
        "title": "Frequently asked questions",
        "slug": "faq",
        "intro": "Common questions about IP information public service points and this site.",
    },
    ("notices", "tisc-second-batch-2019"): {
        "title": (
            "Notice of the General Office of CNIPA on launching the preparation of the second "
            "batch of Technology and Innovation Support Centers (TISC)"
        ),
        "slug": "tisc-second-batch-2019",
        "issuing_authority": (
            "General Office of the China National Intellectual Property Administration (CNIPA)"
        ),
        "document_number": "Guo Zhi Ban Han Fu Zi [2019] No. 461",
        "summary": (
            "Names the University of Electronic Science and Technology of China and ten other "
            "institutions as hosts of the second batch of Technology and Innovation Support "
            "Centers, and sets out their basic, advanced and value-added services and the "
            "5 × 8 hour consultation support."
        ),
    },
    ("cases", "patent-navigation-new-energy"): {
        "title": "Patent navigation for the new-energy vehicle industry guides companies' R&D",
        "slug": "patent-navigation-new-energy",
        "industry": "New-energy vehicles",
        "summary": (
            "A service point ran patent navigation for companies in the new-energy vehicle "
            "industry to guide where they invest in research; the companies served rated it "
            "highly (demo case)."
        ),
    },
    ("events", "ip-lecture-sme"): {
        "title": "Lecture: IP protection for small and medium-sized enterprises",
        "slug": "ip-lecture-sme",
        "summary": (
            "An online lecture on protecting intellectual property, for companies and the "
            "public, given by a service point (demo event)."
        ),
    },
}

STRINGS: dict[str, str] = {
    # Standard pages
    "知识产权信息公共服务网汇集全国知识产权信息公共服务节点和网点的名录、服务事项清单、通知公告、典型案例和活动，帮助社会公众和中小企业就近找到所需服务（演示内容）。": (
        "The IP Information Public Service Network brings together the directory of China's IP "
        "information public service nodes and points, their published service lists, notices, "
        "case studies and events, so that the public and small and medium-sized enterprises can "
        "find the service they need close to them (demo content)."
    ),
    "本网站按照 WCAG 2.1 AA 级要求设计：所有功能可用键盘操作，图片提供替代文本，页面结构使用语义化标题，颜色不作为传递信息的唯一方式。自动化检测（axe-core）在每次发布前运行。如遇到无法使用的内容，请通过联系我们页面告诉我们。": (
        "This site is designed to meet WCAG 2.1 level AA: everything works with the keyboard, "
        "images have text alternatives, pages are structured with meaningful headings, and "
        "colour is never the only way information is given. Automated checks (axe-core) run "
        "before every release. If you find something you cannot use, please tell us through "
        "the contact page."
    ),
    "运营单位：知识产权局公共服务部门（演示）。电话：010-0000-0000；电子邮箱：service@example.com。咨询具体问题，请使用“我要提问”，问题将转给合适的服务网点。": (
        "Operated by: the public service department of the IP office (demo). Phone: "
        "010-0000-0000; e-mail: service@example.com. For a specific question, please use "
        "“Ask a question”: it will be passed to a suitable service point."
    ),
    # The demo case
    "背景": "Background",
    "做法": "What the point did",
    "成效": "Results",
    "新能源汽车领域企业在研发立项前缺少系统的知识产权信息支撑。": (
        "Companies in the new-energy vehicle industry had no systematic IP information to draw "
        "on before starting research projects."
    ),
    "网点组建专门团队，开展检索分析、培训讲解和一对一咨询。": (
        "The point set up a dedicated team for searches and analysis, training sessions and "
        "one-to-one consultations."
    ),
    "形成检索分析报告，帮助服务对象调整研发方向、规避侵权风险。": (
        "Search and analysis reports helped the companies adjust the direction of their "
        "research and avoid infringement risks."
    ),
    # The demo event
    "内容包括知识产权信息检索、分析与运用的实务讲解和案例分享。": (
        "Practical explanations of searching, analysing and using IP information, with case "
        "examples."
    ),
    # The seed notice (CNIPA, 2019): the letter and its annexes
    "国家知识产权局办公室": "General Office of the China National Intellectual Property Administration",
    "国知办函服字〔2019〕461号": "Guo Zhi Ban Han Fu Zi [2019] No. 461",
    "国家知识产权局办公室关于启动第二批技术与创新支持中心（TISC）筹建工作的通知": (
        "Notice of the General Office of CNIPA on launching the preparation of the second batch "
        "of Technology and Innovation Support Centers (TISC)"
    ),
    "河北省、安徽省、江西省、山东省、河南省、湖北省、广东省、重庆市、四川省、贵州省知识产权局（知识产权管理部门），各有关单位：": (
        "To the intellectual property offices (IP administration departments) of Hebei, Anhui, "
        "Jiangxi, Shandong, Henan, Hubei, Guangdong, Chongqing, Sichuan and Guizhou, and all "
        "institutions concerned:"
    ),
    "根据国家知识产权局与世界知识产权组织签署的《中国国家知识产权局和世界知识产权组织关于在华建设技术与创新支持中心谅解备忘录》，经地方推荐，我局与世界知识产权组织共同协商，确定电子科技大学等11家单位为第二批技术与创新支持中心承办机构（名单见附件1）。": (
        "Under the Memorandum of Understanding between the China National Intellectual Property "
        "Administration and the World Intellectual Property Organization on establishing "
        "Technology and Innovation Support Centers in China, and on the recommendation of the "
        "local offices, CNIPA and WIPO have agreed to name the University of Electronic Science "
        "and Technology of China and ten other institutions as hosts of the second batch of "
        "Technology and Innovation Support Centers (listed in Annex 1)."
    ),
    "请各承办机构按照《在华建立技术与创新支持中心指导书》（附件2），认真做好筹建工作，并填写《第二批技术与创新支持中心承办机构工作计划表》（附件3）和《第二批技术与创新支持中心承办机构人员信息统计表》（附件4），于6月15日前反馈我局公共服务司。": (
        "Each host institution is asked to prepare its centre carefully in accordance with the "
        "Guide to Establishing Technology and Innovation Support Centers in China (Annex 2), to "
        "fill in the Work Plan of the Second Batch of TISC Host Institutions (Annex 3) and the "
        "Staff Information Form of the Second Batch of TISC Host Institutions (Annex 4), and to "
        "return them to CNIPA's Public Service Department by 15 June."
    ),
    "特此通知。": "Notice is hereby given.",
    "- 附件：1. 第二批技术与创新支持中心承办机构名单 2. 在华建立技术与创新支持中心指导书 3. 第二批技术与创新支持中心承办机构工作计划表 4. 第二批技术与创新支持中心承办机构人员信息统计表": (
        "- Annexes: 1. List of the second batch of TISC host institutions 2. Guide to "
        "establishing Technology and Innovation Support Centers in China 3. Work plan of the "
        "second batch of TISC host institutions 4. Staff information form of the second batch "
        "of TISC host institutions"
    ),
    "（联系人及电话：公共服务司 黄峰 010—62083380 邮箱：huangfeng@cnipa.gov.cn）": (
        "(Contact: Huang Feng, Public Service Department, 010-62083380, e-mail: "
        "huangfeng@cnipa.gov.cn)"
    ),
    "附件 1": "Annex 1",
    "第二批技术与创新支持中心承办机构名单": (
        "List of the second batch of Technology and Innovation Support Center host institutions"
    ),
    "(共 11 家)": "(11 institutions)",
    "1. 电子科技大学 2. 重庆摩托车（汽车）知识产权信息中心 3. 广州奥凯信息咨询有限公司 4. 广州中新知识产权服务有限公司 5. 合肥汇众知识产权管理有限公司 6. 山东省专利信息服务中心 7. 河南省知识产权事务中心 8. 石家庄众志华清知识产权事务所 9. 贵州派腾科技服务有限公司 10. 武汉光谷知识产权联盟管理有限责任公司 11. 赣州有色冶金研究所": (
        "1. University of Electronic Science and Technology of China 2. Chongqing Motorcycle "
        "(Automobile) IP Information Center 3. Guangzhou Aokai Information Consulting Co., Ltd. "
        "4. Guangzhou Zhongxin IP Services Co., Ltd. 5. Hefei Huizhong IP Management Co., Ltd. "
        "6. Shandong Patent Information Service Center 7. Henan IP Affairs Center "
        "8. Shijiazhuang Zhongzhi Huaqing IP Office 9. Guizhou Paiteng Technology Services "
        "Co., Ltd. 10. Wuhan Optics Valley IP Alliance Management Co., Ltd. 11. Ganzhou "
        "Nonferrous Metallurgy Research Institute"
    ),
    "附件 2": "Annex 2",
    "在华建立技术与创新支持中心指导书": (
        "Guide to establishing Technology and Innovation Support Centers in China"
    ),
    "一、概要": "1. Overview",
    "名称：在华技术与创新支持中心": "Name: Technology and Innovation Support Centers in China",
    "基本描述：": "Description:",
    "本项目旨在通过促进技术信息的获取、加强有效使用此种信息的能力，以推动创新和经济增长。在本项目下，世界知识产权组织（以下简称“WIPO”）支持在国家、区域和国际层面建立并发展技术与创新支持中心（以下简称“TISC”）和相关网络。": (
        "The project aims to foster innovation and economic growth by improving access to "
        "technology information and the capacity to use it effectively. Under the project, the "
        "World Intellectual Property Organization (“WIPO”) supports the establishment and "
        "development of Technology and Innovation Support Centers (“TISCs”) and their networks "
        "at national, regional and international level."
    ),
    "本项目的主要目标是确保 TISC 的长期可持续发展，及其提供合适的、高质的技术和创新支持服务的能力。": (
        "The main objective of the project is to ensure the long-term sustainability of the "
        "TISCs and their capacity to provide appropriate, high-quality technology and innovation "
        "support services."
    ),
    "二、基础设施和人力资源配置": "2. Infrastructure and staffing",
    "（一）场地规划、基础设施和数据库配置。场地规划包括服务场所、功能片区和职能规划；基础设施包括机房设施、网络设备、安全设备、服务器及存储设备的配备与管理；数据库配置主要包括专利数据库的配备，保障员工工作与对外服务所需的专利检索及应用系统确保长期运行；": (
        "(1) Premises, infrastructure and databases. Premises planning covers the service "
        "premises, functional areas and the allocation of tasks; infrastructure covers providing "
        "and managing the server room, network equipment, security equipment, servers and "
        "storage; databases mainly means providing patent databases, so that the patent search "
        "and application systems staff need for their work and for public services run reliably "
        "in the long term;"
    ),
    "（二）员工配置。对本 TISC 承办机构的员工进行业务培训，确保具备开展对外服务的业务能力。": (
        "(2) Staff. The host institution trains its staff so that they have the skills to "
        "provide services to the public."
    ),
    "三、运营管理": "3. Operations",
    "(一)制定本 TISC 承办机构运行规范，内容包括组织架构、权责分工、质量管理等；": (
        "(1) Draw up operating rules for the TISC host institution, covering its organisation, "
        "responsibilities and quality management;"
    ),
    "(二)对本 TISC 承办机构提供的服务进行用户满意度调查；": (
        "(2) Survey users' satisfaction with the services the TISC host institution provides;"
    ),
    "(三)编写本季度活动报告和年度工作报告。其中，季度活动报告中应包含每季度相关统计数据。年度工作报告应总结本年度各项工作开展情况、对应指标完成情况、工作成效及不足、下一步重点工作等。": (
        "(3) Write quarterly activity reports and an annual work report. The quarterly activity "
        "report includes the quarter's statistics. The annual work report summarises the year's "
        "work, the targets met, the results and shortcomings, and the priorities for the next "
        "stage."
    ),
    "四、能力建设": "4. Capacity building",
    "(一)组织 TISC 承办机构员工参加业务培训或研讨会；": (
        "(1) Send the host institution's staff to professional training courses or seminars;"
    ),
    "(二)组织 TISC 承办机构员工成功完成 WIPO 远程学习课程的学习；": (
        "(2) Have the host institution's staff complete WIPO distance learning courses;"
    ),
    "(三)组织或参与本 TISC 承办机构员工与其他 TISC 承办机构展开业务交流；": (
        "(3) Organise or take part in professional exchanges between the host institution's "
        "staff and other TISC host institutions;"
    ),
    "(四)组织或参与本 TISC 承办机构员工走访用户，并与用户展开业务交流；": (
        "(4) Organise or take part in visits by the host institution's staff to users, and in "
        "professional exchanges with them;"
    ),
    "五、服务类型": "5. Types of service",
    "TISC 承办机构可提供的服务包括基本服务、高级服务以及自选增值服务三种类型。各 TISC 承办机构应提供所有基本服务，并根据自身类型提供高级服务。在此基础上，可结合自身优势和本地区发展需要，自由选择或添加增值服务。": (
        "TISC host institutions can provide three types of service: basic services, advanced "
        "services and optional value-added services. Every host institution provides all basic "
        "services and the advanced services for its type of institution. Beyond these, it may "
        "choose or add value-added services that suit its strengths and the needs of its region."
    ),
    "TISC 承办机构提供的基本服务为免费服务。高级服务和自选增值服务可基于服务性质，酌情收取相关费用。": (
        "The basic services of TISC host institutions are free of charge. Advanced and optional "
        "value-added services may be charged for, as appropriate to the nature of the service."
    ),
    "（一）基本服务": "(1) Basic services",
    "1. 提供信息资源": "1. Information resources",
    "为用户提供专利和非专利（科学技术）信息资源及知识产权出版物，并保证信息资源和文献量持续增长，包括纸质图书资源和电子文献；": (
        "Provide users with patent and non-patent (scientific and technical) information "
        "resources and IP publications, and keep the resources and literature growing, in print "
        "and in electronic form;"
    ),
    "2. 检索服务": "2. Search services",
    "为用户提供数据库检索服务，包括对免费或商业专利数据库检索、免费或商业科技杂志（非专利文献）数据库检索等；": (
        "Provide users with database searches, including searches of free or commercial patent "
        "databases and of free or commercial databases of scientific and technical journals "
        "(non-patent literature);"
    ),
    "3. 咨询服务": "3. Consultation",
    "为用户提供专业技术答复咨询，通过电话咨询、在线咨询、服务窗口咨询等多种渠道，提供 5*8 小时的实时反馈支持；": (
        "Answer users' professional and technical questions through several channels, by "
        "phone, online and at the service desk, with real-time support 5 days a week, 8 hours "
        "a day;"
    ),
    "4. 宣传服务": "4. Outreach",
    "组织或参与 TISC 相关宣传活动，向服务对象推广 TISC 承办机构所提供的服务以及知识产权基本知识等。": (
        "Organise or take part in TISC outreach activities that make the host institution's "
        "services and basic IP knowledge known to the people it serves."
    ),
    "（二）高级服务": "(2) Advanced services",
    "高校类 TISC 承办机构：": "Universities hosting a TISC:",
    "1. 培训服务": "1. Training",
    "举办面向高校师生的培训或讲座，内容涉及：知识产权基本知识、专利挖掘与布局、专利检索技能、专利分析利用等。": (
        "Training courses or lectures for university teachers and students on basic IP "
        "knowledge, identifying inventions and building patent portfolios, patent search "
        "skills, and patent analysis and use."
    ),
    "2. 技术监测": "2. Technology watch",
    "向高校师生及有需求的其他用户提供技术分析报告，包括现有科技文献及相关知识产权信息、技术发展状况分析、研发策略和研究内容调整建议、专利态势分析等。": (
        "Technology analysis reports for university teachers and students and other users who "
        "need them: the existing scientific literature and related IP information, analysis of "
        "how the technology is developing, recommendations on R&D strategy and research topics, "
        "and patent landscape analysis."
    ),
    "3. 参与研究项目": "3. Research projects",
    "参与基于专利信息检索基础上的各级各类研究项目。": (
        "Take part in research projects of every level and kind that build on patent "
        "information searches."
    ),
    "服务机构类 TISC 承办机构：": "Service firms hosting a TISC:",
    "举办面向企业员工及用户的培训，内容涉及：专利挖掘与布局、专利检索技能、专利撰写、专利分析利用、企业知识产权管理、知识产权运营等。": (
        "Training for company staff and users on identifying inventions and building patent "
        "portfolios, patent search skills, patent drafting, patent analysis and use, corporate "
        "IP management and IP commercialisation."
    ),
    "2. 视需求的检索服务": "2. Searches on request",
    "向有需求的用户提供高级检索服务，包括新颖性、现有技术以及专利侵权状况等检索服务。": (
        "Advanced searches for users who need them, including novelty, prior-art and "
        "infringement searches."
    ),
    "3. 技术监测": "3. Technology watch",
    "向有需求的用户提供技术分析报告，包括现有科技文献及相关知识产权信息、技术发展状况分析、研发策略和研究内容调整建议、专利态势分析、知识产权活动的审查和风险规避等。": (
        "Technology analysis reports for users who need them: the existing scientific "
        "literature and related IP information, analysis of how the technology is developing, "
        "recommendations on R&D strategy and research topics, patent landscape analysis, and "
        "the review of IP activities and avoidance of risks."
    ),
    "4. 竞争者监测": "4. Competitor watch",
    "向有需求的用户提供专利风险评估报告和专利侵权分析报告，包括专利态势研究、产业经济分布研究、核心技术发展研究、热点区域分布分析、领域竞争状况分析、产业全景布局规划、产业发展建议等。": (
        "Patent risk assessment and patent infringement analysis reports for users who need "
        "them: patent landscapes, the economic distribution of the industry, the development of "
        "core technologies, regional hot spots, the competition in the field, a panorama of "
        "the industry's patent positions, and recommendations for the industry's development."
    ),
    "科技园区类 TISC 承办机构：": "Science and technology parks hosting a TISC:",
    "举办面向园区内企业的培训，内容涉及：专利挖掘与布局、": (
        "Training for the companies in the park on identifying inventions and building patent "
        "portfolios,"
    ),
    "专利检索技能、专利撰写、专利分析利用、企业知识产权管理、知识产权运营等。": (
        "patent search skills, patent drafting, patent analysis and use, corporate IP "
        "management and IP commercialisation."
    ),
    "3. 竞争者监测": "3. Competitor watch",
    "政府部门类 TISC 承办机构：": "Government bodies hosting a TISC:",
    "举办面向社会各类人员的培训，内容涉及：知识产权基本知识、专利挖掘与布局、专利检索技能、专利撰写、专利分析利用、企业知识产权管理、知识产权运营等。": (
        "Training for people of every background on basic IP knowledge, identifying inventions "
        "and building patent portfolios, patent search skills, patent drafting, patent "
        "analysis and use, corporate IP management and IP commercialisation."
    ),
    "向有需求的用户提供技术分析报告，包括现有科技文献及相关知识产权信息、技术发展状况分析、研发策略和研究内容调整建议、专利态势分析等。": (
        "Technology analysis reports for users who need them: the existing scientific "
        "literature and related IP information, analysis of how the technology is developing, "
        "recommendations on R&D strategy and research topics, and patent landscape analysis."
    ),
    "(三) 自选增值服务": "(3) Optional value-added services",
    "1. 特色资源数据库建设，围绕本地区用户的需求，结合本地区特色，建设企业专利专题数据库和产业专题专利数据库，提供专利文献检索与预警服务；": (
        "1. Building specialised databases: company and industry patent databases built around "
        "the needs of local users and the region's particular strengths, with patent literature "
        "searches and early-warning services;"
    ),
    "2. 与政府部门、科研院所、高等院校等开展合作，联合举办研讨会或培训班，为创新主体、知识产权法务工作者等提供专业培训、解读及专题讨论；": (
        "2. Working with government bodies, research institutes and universities to hold joint "
        "seminars or training courses, giving innovators and IP legal professionals specialised "
        "training, interpretations and topical discussions;"
    ),
    "3. 出版技术类相关刊物或内部动态。": (
        "3. Publishing technical periodicals or internal newsletters."
    ),
    "4. TISC 承办机构可提供的其他服务。": (
        "4. Other services the TISC host institution can provide."
    ),
}
