"""English translations of the vocabularies and the service catalogue, by code.

Loaded as wagtail-localize translations (en rows sharing the Chinese row's translation_key), so
editors change them under Snippets like any translation. Written for this field: the terms CNIPA
and WIPO use in English (TISC, patent navigation, IP management standard compliance), British
spelling as in the glossary (docs: /work/shared/DOMAIN.md).
"""

LANGUAGE = "en"

# code: (name, description)
CATEGORIES = {
    "university": ("University", "Service points at universities and colleges."),
    "research": (
        "Research institute or S&T information institute",
        "Service points at research institutes and science and technology information institutes.",
    ),
    "library": ("Public library", "Service points at public libraries."),
    "park": (
        "Development zone or industrial park agency",
        "Productivity promotion agencies of economic and technological development zones, "
        "high-tech zones and industrial parks.",
    ),
    "association": (
        "Industry organisation",
        "Industry associations, chambers and alliances.",
    ),
    "market_firm": (
        "Market service firm",
        "Commercial IP service firms: consulting, information, agency, legal and "
        "commercialisation services.",
    ),
    "market_consulting": ("Consulting firm", ""),
    "market_information": ("Information service firm", ""),
    "market_agency": ("Patent and trademark agency", ""),
    "market_legal": ("Legal service firm", ""),
    "market_operation": ("IP commercialisation firm", ""),
    "rights_aid": (
        "IP rights protection aid workstation",
        "Workstations that help the public and enterprises protect and enforce their IP rights.",
    ),
    "other": ("Other IP institution", ""),
}

# code: (name, short name)
QUALIFICATIONS = {
    "tisc": ("Technology and Innovation Support Centre (TISC)", "TISC"),
    "university_center": (
        "National University IP Information Service Centre",
        "University IP centre",
    ),
    "national_point": ("National IP information public service point", "National point"),
    "provincial_point": ("Provincial IP information public service point", "Provincial point"),
    "city_point": ("City-level IP information public service point", "City point"),
    "patent_doc_point": (
        "National patent documentation service point",
        "Patent documentation point",
    ),
    "patent_info_base": (
        "National base for patent information dissemination and use",
        "Patent information base",
    ),
    "other": ("Other qualification", "Other"),
}

NODE_LEVELS = {
    "national": "National node",
    "provincial": "Provincial node",
    "regional_central_city": "Regional central city node",
    "municipal": "Prefecture-level city node",
}

AUDIENCES = {
    "government": "Government departments",
    "research": "Research institutions",
    "university": "Universities",
    "enterprise": "Enterprises and public institutions",
    "public": "The public",
}

# code: (name, description); the catalogue of seed 003 annex 2.
CATALOGUE = {
    "B01": (
        "IP training",
        "Free IP training courses, public lectures and other awareness activities that teach "
        "the basics of intellectual property and how to use IP information.",
    ),
    "B02": (
        "Patent document delivery",
        "Copies of one or more published patent applications or granted patents from anywhere "
        "in the world, on request.",
    ),
    "B03": (
        "Basic IP search",
        "Guidance on basic searching, look-up and analysis of patent, trademark and other IP "
        "information.",
    ),
    "B04": (
        "IP information consultation",
        "Advice by phone, online or at the counter on IP literature, on analysing and using IP "
        "information, and on applying for and registering IP rights.",
    ),
    "B05": (
        "IP information outreach",
        "Promotes the results of public-interest IP information analysis, and the public IP "
        "service resources of CNIPA and other bodies, to innovators and the public.",
    ),
    "B06": (
        "IP information literacy education",
        "Courses on using IP information for university students and staff, and training on "
        "patent basics, patent resources and search methods, the application process, patent "
        "analysis and commercialisation, to raise IP awareness on campus.",
    ),
    "B07": (
        "IP law and policy updates",
        "Collects and publishes news on IP laws, regulations, policy guidance and typical "
        "cases, in China, abroad and in the industry.",
    ),
    "B08": (
        "Help with IP risks",
        "Support in responding to IP risks in China or abroad: expert advice, dispute "
        "assistance, answers to IP questions and guidance.",
    ),
    "B09": (
        "IP rights protection aid",
        "General advice or dedicated assistance: IP laws and regulations, legal status "
        "look-ups, ways to resolve an IP dispute, and referrals to IP service firms.",
    ),
    "B10": (
        "IP advice for e-commerce and trade fairs",
        "Information and advice on the law and cases of IP protection in e-commerce and at "
        "trade fairs in China and abroad, lowering exhibitors' and online sellers' risk of "
        "infringement.",
    ),
    "B11": (
        "IP dispute mediation",
        "Assists the administrative and judicial IP protection authorities with IP disputes "
        "and, where they authorise or commission it, mediates clients' IP disputes.",
    ),
    "B12": ("Other basic services", ""),
    "B13": (
        "IP information resources",
        "Introduces innovators and the public to the free online IP information platforms of "
        "CNIPA and other bodies, and to printed IP books and materials.",
    ),
    "B14": (
        "Support for technology transfer",
        "Maps the patents of university departments and research groups, takes part in "
        "university–industry–research collaboration, helps manage and commercialise university "
        "IP, and supports the whole transfer of research results.",
    ),
    "B15": (
        "Subject consulting",
        "Personal subject consulting and intelligence analysis for researchers and research "
        "teams, such as services embedded in a project, with literature tracking and analysis "
        "at every stage of the research.",
    ),
    "B16": (
        "Subject-specific IP database platforms",
        "Builds specialised IP information databases and service platforms in the "
        "university's strong subjects.",
    ),
    "B17": (
        "Industry information alerts",
        "Brings IP information into industry services: thematic industry databases and "
        "information alerts.",
    ),
    "B18": (
        "Advice on IP applications and registration",
        "Advice and guidance on the practice and procedure of patent and trademark "
        "applications, guidance on copyright registration, trademark similarity searches and "
        "other basic services.",
    ),
    "P01": (
        "Specialised IP search",
        "Professional searches and analysis of IP information: novelty, technology, legal "
        "status, patent family, validity and infringement searches.",
    ),
    "P02": (
        "Thematic IP database building",
        "Builds thematic IP and industry databases for the innovation needs of a technical field.",
    ),
    "P03": (
        "Patent navigation",
        "Patent navigation (专利导航) for regional and industrial planning, business decisions, "
        "R&D and talent management, for government departments, enterprises, institutions and "
        "industry organisations.",
    ),
    "P04": (
        "Patent early warning",
        "Patent early-warning services for key national and local industries and for enterprises.",
    ),
    "P05": (
        "High-value patent cultivation",
        "Patent landscape analysis, tracking of key competitors, competitive technology "
        "intelligence, patent mining and portfolio planning, patentability assessment and "
        "patent commercialisation.",
    ),
    "P06": (
        "Patent portfolio planning",
        "Weighs industry, market and legal factors across time, territory, technology and "
        "products to build a tight web of patent protection and a favourable portfolio.",
    ),
    "P07": (
        "IP analysis",
        "IP analysis throughout the innovation life cycle: patent landscapes, patent "
        "competitiveness, patent analysis on a set topic, IP review, technology early warning, "
        "infringement risk and comparison, patent analysis for technical problems, and "
        "industry studies.",
    ),
    "P08": (
        "Technology monitoring",
        "Regular searches of Chinese and foreign patents in a technical field, as the client "
        "specifies, with the data or full text of the patents found, so the client follows "
        "the latest developments in the field.",
    ),
    "P09": (
        "Competitor monitoring",
        "Regular searches of the Chinese and foreign patents of a given organisation or "
        "person, as the client specifies, with the data or full text of the patents found, so "
        "the client follows their latest activity.",
    ),
    "P10": (
        "IP analysis tool development",
        "Develops tailored IP information tools for varied IP information service needs.",
    ),
    "P11": (
        "IP statistics and monitoring",
        "Statistics on patent applications, grants and patents in force, PCT applications, and "
        "trademark applications, registrations and marks in force; custom statistical reports.",
    ),
    "P12": (
        "IP management outsourcing",
        "The client entrusts a service firm with all or part of its IP affairs, in a tailored "
        "package that combines the client's IP management needs with the firm's expertise.",
    ),
    "P13": (
        "IP protection and enforcement",
        "Patent reexamination, invalidation and administrative litigation; investigation of "
        "patent, trademark and copyright infringement, administrative protection and "
        "litigation; unfair competition; customs recordal of IP; trade secrets; online "
        "infringement; preservation of evidence; investigations of trademark use.",
    ),
    "P14": (
        "IP agency services",
        "Filing invention, utility model and design patent applications in China and abroad, "
        "PCT applications included; trademark registration, licence recordal, assignment and "
        "changes; copyright registration.",
    ),
    "P15": (
        "Overseas IP enforcement and patent information use",
        "One-stop assistance for enterprises enforcing their IP abroad, drawing on overseas IP "
        "aid resources, and advice on foreign-related IP disputes.",
    ),
    "P16": (
        "Patent award application coaching",
        "Advice on patent award policies and coaching for enterprises and institutions that "
        "apply for patent awards.",
    ),
    "P17": (
        "IP management standard compliance (GB/T 29490) coaching",
        "Coaching for enterprises implementing the national standard Enterprise Intellectual "
        "Property Management (GB/T 29490, 贯标), so that they meet it and pass certification.",
    ),
    "P18": ("Other low-cost professional services", ""),
    "P19": (
        "Subject landscape analysis",
        "Tailored reports on a subject's competitiveness and trends for world-class subject "
        "building: monitoring progress and hot topics, as a basis for a school's subject "
        "planning and strategy.",
    ),
    "P20": (
        "Patent novelty search",
        "Checks the novelty and inventiveness of the technical content the client gives, "
        "following the rules of novelty searching; used to assess the patentability of "
        "projects and R&D results, the prospects of an application and the validity of a patent.",
    ),
    "P21": (
        "Decision support",
        "IP information to support the decisions of governments and their departments: "
        "briefings and research reports from information gathering, field studies and planning "
        "research.",
    ),
    "P22": (
        "Infringement comparison analysis",
        "Compares the IP in a case with the allegedly infringing object, assesses whether the "
        "patent is stable and valid, and gives an opinion on infringement.",
    ),
    "V01": (
        "IP strategy and management consulting",
        "Consulting on IP strategy, industrial planning studies and industrial policy.",
    ),
    "V02": (
        "Technology transfer",
        "Technology incubation and the transfer of research results: more efficient "
        "commercialisation of university and institute research, and stronger core technology "
        "for enterprises.",
    ),
    "V03": (
        "IP commercialisation and trading",
        "IP transactions, IP investment and financing, licensing and licence negotiation, IP "
        "trading platforms and IP trade.",
    ),
    "V04": (
        "IP finance",
        "Valuation and analysis of IP by type, helping clients raise finance on their IP, "
        "pledge it and realise its value.",
    ),
    "V05": (
        "IP asset valuation",
        "Valuation of IP assets from technical, legal and market perspectives: a sound basis "
        "for decisions on exploiting, trading, licensing, financing and managing IP.",
    ),
    "V06": (
        "IP and technology publications",
        "Editing and publishing IP or industry technology bulletins, journals and books.",
    ),
    "V07": (
        "Technology innovation alliances and similar services",
        "Commercialisation and industrial development, joint research and development, sector "
        "services, standardisation, international cooperation and brand building.",
    ),
    "V08": ("Other value-added services", ""),
    "V09": (
        "IP pledge financing",
        "Helps innovators in the park obtain bank loans against the valued property rights in "
        "their patents, trademarks and copyrights, so that tech SMEs without real estate to "
        "pledge can finance research and commercialisation.",
    ),
}
