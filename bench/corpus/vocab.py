"""The word pools personas are invented from, and the section headings each language prints.

Data only: names, towns, titles, companies, schools, degrees, headings, skills and bullet
parts per language. Nothing here is a real person's data."""

LANGS = ("en", "fr", "de", "es", "zh")

FIRST = {
    "en": ["Olivia", "Marcus", "Priya", "Daniel", "Hannah", "Tobias", "Grace", "Samuel", "Leah", "Owen"],
    "fr": ["Camille", "Julien", "Léa", "Mathieu", "Chloé", "Antoine", "Manon", "Hugo", "Élodie", "Bastien"],
    "de": ["Lena", "Jonas", "Miriam", "Felix", "Katrin", "Lukas", "Anja", "Moritz", "Sabine", "Florian"],
    "es": ["Lucía", "Javier", "Marta", "Alejandro", "Carmen", "Diego", "Elena", "Pablo", "Nuria", "Sergio"],
    "zh": ["Wei", "Xiaoling", "Hao", "Mei", "Jun", "Yan", "Lei", "Ting", "Bo", "Fang"],
}
LAST = {
    "en": ["Whitfield", "Okafor", "Ramsey", "Lindqvist", "Carver", "Holloway", "Banerjee", "Prescott"],
    "fr": ["Lefèvre", "Marchand", "Girard", "Rousseau", "Fontaine", "Chevalier", "Moreau", "Lambert"],
    "de": ["Brandt", "Krüger", "Hoffmann", "Vogel", "Schreiber", "Lange", "Zimmermann", "Köhler"],
    "es": ["Navarro", "Quintana", "Herrera", "Morales", "Castillo", "Ortega", "Vidal", "Serrano"],
    "zh": ["Zhang", "Liu", "Chen", "Wang", "Zhao", "Huang", "Zhou", "Wu"],
}
CITIES = {
    "en": [
        "Leeds, UK",
        "Austin, TX",
        "Toronto, Canada",
        "Dublin, Ireland",
        "Seattle, WA",
        "Melbourne, Australia",
    ],
    "fr": ["Lyon, France", "Nantes, France", "Bordeaux, France", "Lille, France", "Genève, Suisse"],
    "de": ["Hamburg, Deutschland", "Leipzig, Deutschland", "Wien, Österreich", "Köln, Deutschland"],
    "es": ["Valencia, España", "Sevilla, España", "Bilbao, España", "Zaragoza, España"],
    "zh": ["上海", "北京", "深圳", "杭州", "成都"],
}
TITLES = {
    "en": [
        "Software Engineer",
        "Data Analyst",
        "Product Manager",
        "Backend Developer",
        "DevOps Engineer",
        "Machine Learning Engineer",
        "QA Engineer",
        "Technical Lead",
        "Frontend Developer",
        "Data Engineer",
    ],
    "fr": [
        "Ingénieur logiciel",
        "Analyste de données",
        "Chef de projet",
        "Développeur backend",
        "Ingénieure DevOps",
        "Consultante SAP",
        "Développeur full stack",
        "Architecte logiciel",
    ],
    "de": [
        "Softwareentwickler",
        "Datenanalystin",
        "Projektleiter",
        "Backend-Entwickler",
        "Systemadministrator",
        "Teamleiterin Entwicklung",
        "Werkstudent Data Science",
        "IT-Berater",
    ],
    "es": [
        "Ingeniero de software",
        "Analista de datos",
        "Jefe de proyecto",
        "Desarrolladora backend",
        "Ingeniero DevOps",
        "Consultor tecnológico",
        "Desarrollador frontend",
        "Arquitecta de software",
    ],
    "zh": [
        "软件工程师",
        "数据分析师",
        "产品经理",
        "后端开发工程师",
        "运维工程师",
        "算法工程师",
        "测试工程师",
    ],
}
COMPANIES = {
    "en": [
        "Brightwater Analytics",
        "Northgate Systems",
        "Kestrel Labs",
        "Harbor & Finch",
        "Quillstone Software",
        "Redmoor Logistics",
        "Tallis Health",
        "Cobalt Ridge Energy",
        "Pinecrest Bank",
        "Lumen Freight",
    ],
    "fr": [
        "Société Générale de Logiciels",
        "Atelier Numérique",
        "Groupe Valmont",
        "Banque du Rhône",
        "Orionis Conseil",
        "Transports Lemaire",
        "Hexaflux",
        "Mutuelle des Alpes",
    ],
    "de": [
        "Nordlicht Software GmbH",
        "Bergmann Logistik AG",
        "Stadtwerke Elbtal",
        "Kranich Systems",
        "Hansewerk Digital",
        "Rheinblick Versicherung",
        "Feldmann & Söhne",
        "Alpenbyte GmbH",
    ],
    "es": [
        "Soluciones Atlántico",
        "Grupo Mediterráneo",
        "Banco del Ebro",
        "Tecnova Ibérica",
        "Logística Sierra",
        "Datum Consultores",
        "Energía Solana",
        "Innova Levante",
    ],
    "zh": [
        "上海星辰科技有限公司",
        "北京云图信息技术有限公司",
        "深圳蓝海网络科技",
        "杭州青木数据有限公司",
        "成都锦程软件有限公司",
        "华远智能科技",
    ],
}
LINK_EMPLOYERS = ["tidewell.io", "quanta-forge.com", "corvid.dev", "blueorbit.app", "fernhill.tech"]
SCHOOLS = {
    "en": [
        "University of Bristol",
        "Northeastern University",
        "University of Toronto",
        "Trinity College Dublin",
        "University of Melbourne",
        "Georgia Institute of Technology",
        "University of Edinburgh",
    ],
    "fr": [
        "Université de Lyon",
        "École Centrale de Nantes",
        "Université de Bordeaux",
        "INSA Toulouse",
        "Université Paris-Saclay",
        "Université de Genève",
    ],
    "de": [
        "Technische Universität München",
        "Universität Hamburg",
        "Universität Leipzig",
        "Hochschule Darmstadt",
        "Universität Wien",
        "RWTH Aachen",
    ],
    "es": [
        "Universidad de Valencia",
        "Universidad de Sevilla",
        "Universidad Politécnica de Madrid",
        "Universidad de Zaragoza",
        "Universidad del País Vasco",
    ],
    "zh": ["复旦大学", "浙江大学", "北京航空航天大学", "四川大学", "同济大学"],
}
DEGREES = {  # (degree, area)
    "en": [
        ("BSc", "Computer Science"),
        ("MSc", "Data Science"),
        ("BA", "Economics"),
        ("MEng", "Software Engineering"),
        ("PhD", "Statistics"),
        ("MBA", "Business Administration"),
    ],
    "fr": [
        ("Licence", "Informatique"),
        ("Master", "Génie logiciel"),
        ("Diplôme d'ingénieur", "Informatique"),
        ("Doctorat", "Mathématiques appliquées"),
        ("Master", "Science des données"),
    ],
    "de": [
        ("Bachelor of Science", "Informatik"),
        ("Master of Science", "Wirtschaftsinformatik"),
        ("Diplom", "Mathematik"),
        ("Promotion", "Physik"),
        ("Bachelor of Arts", "Medienwissenschaft"),
    ],
    "es": [
        ("Grado", "Ingeniería Informática"),
        ("Máster", "Ciencia de Datos"),
        ("Licenciatura", "Matemáticas"),
        ("Doctorado", "Física"),
        ("Grado", "Administración de Empresas"),
    ],
    "zh": [("学士", "计算机科学与技术"), ("硕士", "软件工程"), ("博士", "统计学"), ("学士", "电子信息工程")],
}
HEADINGS = {  # section -> heading as printed, per language
    "en": {
        "experience": "Experience",
        "education": "Education",
        "skills": "Skills",
        "projects": "Projects",
        "summary": "Summary",
    },
    "fr": {
        "experience": "Expérience professionnelle",
        "education": "Formation",
        "skills": "Compétences",
        "projects": "Projets",
        "summary": "Profil",
    },
    "de": {
        "experience": "Berufserfahrung",
        "education": "Ausbildung",
        "skills": "Kenntnisse",
        "projects": "Projekte",
        "summary": "Kurzprofil",
    },
    "es": {
        "experience": "Experiencia profesional",
        "education": "Formación académica",
        "skills": "Habilidades",
        "projects": "Proyectos",
        "summary": "Perfil",
    },
    "zh": {
        "experience": "工作经历",
        "education": "教育背景",
        "skills": "专业技能",
        "projects": "项目经历",
        "summary": "个人简介",
    },
}
SKILLS = [
    ("Languages", ["Python", "Java", "TypeScript", "Go", "SQL", "Kotlin", "C++", "Rust", "Scala"]),
    ("Tools", ["Docker", "Kubernetes", "Terraform", "Git", "Jenkins", "Airflow", "Grafana", "Ansible"]),
    ("Data", ["PostgreSQL", "Redis", "Kafka", "Spark", "pandas", "MongoDB", "Elasticsearch"]),
]
SKILL_GROUP = {
    "en": ["Languages", "Tools", "Data"],
    "fr": ["Langages", "Outils", "Données"],
    "de": ["Sprachen", "Werkzeuge", "Daten"],
    "es": ["Lenguajes", "Herramientas", "Datos"],
    "zh": ["编程语言", "工具", "数据"],
}
VERBS = ["Built", "Led", "Designed", "Migrated", "Automated", "Reduced", "Introduced", "Maintained", "Scaled"]
OBJECTS = [
    "the billing pipeline",
    "a customer analytics dashboard",
    "the CI/CD platform",
    "an internal search API",
    "the data warehouse",
    "a fraud detection model",
    "the mobile release process",
    "on-call tooling",
]
OUTCOMES = [
    "cutting costs by 30%",
    "for 2M monthly users",
    "with zero downtime",
    "across 4 teams",
    "halving build times",
    "in under six months",
    "improving accuracy from 81% to 93%",
]
PROJECTS = ["Open Transit Map", "Ledgerly", "Sketchpad ML", "Tidepool", "Weatherglass", "Cartographer CLI"]
