"""The demo's organisation tree, its people and their assignments, as data.

A province with two regions, four municipalities and one partner organisation, each with one or
two teams; forty learners spread over the teams (three of them the older demo accounts ``boa``,
``ambtenaar`` and ``mt``); the assignments that apply to them; and what each of them has done so
far, chosen so that the manager's and HR's people show every status: not started, in progress,
completed, overdue and expired.

``scenarios.demo.loader`` turns this into rows; nothing here touches the database. Nodes are
found again by slug, people by username, so changing a name here renames on the next run.
"""

# Module slugs (``scenarios/demo/modules``).
BARNS = "leegstaande-schuren-en-drugsafval"
HOLIDAY_PARKS = "vakantieparken"
FARMERS = "benaderd-door-criminelen"
MANAGEMENT = "bestuurlijke-weerbaarheid"

# The tree: (slug, name, kind, children). Slugs are unique over the whole tree.
TREE = (
    "provincie-noord-brabant",
    "Provincie Noord-Brabant",
    "province",
    [
        (
            "regio-hart-van-brabant",
            "Regio Hart van Brabant",
            "region",
            [
                (
                    "gemeente-oisterwijk",
                    "Gemeente Oisterwijk",
                    "municipality",
                    [
                        (
                            "oisterwijk-toezicht-en-handhaving",
                            "Team Toezicht en Handhaving",
                            "team",
                            [],
                        ),
                        (
                            "oisterwijk-openbare-orde-en-veiligheid",
                            "Team Openbare Orde en Veiligheid",
                            "team",
                            [],
                        ),
                    ],
                ),
                (
                    "gemeente-hilvarenbeek",
                    "Gemeente Hilvarenbeek",
                    "municipality",
                    [
                        (
                            "hilvarenbeek-veiligheid-en-handhaving",
                            "Team Veiligheid en Handhaving",
                            "team",
                            [],
                        ),
                        ("hilvarenbeek-managementteam", "Managementteam", "team", []),
                    ],
                ),
            ],
        ),
        (
            "regio-noordoost-brabant",
            "Regio Noordoost-Brabant",
            "region",
            [
                (
                    "gemeente-bernheze",
                    "Gemeente Bernheze",
                    "municipality",
                    [
                        (
                            "bernheze-toezicht-en-handhaving",
                            "Team Toezicht en Handhaving",
                            "team",
                            [],
                        ),
                        ("bernheze-managementteam", "Managementteam", "team", []),
                    ],
                ),
                (
                    "gemeente-boekel",
                    "Gemeente Boekel",
                    "municipality",
                    [
                        (
                            "boekel-openbare-orde-en-veiligheid",
                            "Team Openbare Orde en Veiligheid",
                            "team",
                            [],
                        ),
                    ],
                ),
                (
                    "omgevingsdienst-brabant-noord",
                    "Omgevingsdienst Brabant Noord",
                    "partner",
                    [("odbn-milieutoezicht", "Team Milieutoezicht", "team", [])],
                ),
            ],
        ),
    ],
)

# Assignments: (module slug, organisation slug, function ("" for everyone), due in days from
# today (negative: already past), validity in months). Due dates move with the day the demo is
# loaded, so the mix of statuses stays the same whenever it is tried.
ASSIGNMENTS = [
    # The province wants every BOA and inspector to know the barns module; Hart van Brabant
    # started earlier and its deadline has passed, Noordoost-Brabant still has time.
    (BARNS, "regio-hart-van-brabant", "boa", -21, 24),
    (BARNS, "regio-hart-van-brabant", "inspector", -21, 24),
    (BARNS, "regio-noordoost-brabant", "boa", 45, 24),
    (BARNS, "regio-noordoost-brabant", "inspector", 45, 24),
    # Noordoost-Brabant has many holiday parks: everyone there, deadline passed.
    (HOLIDAY_PARKS, "regio-noordoost-brabant", "", -10, 36),
    # Hart van Brabant: the officials at the desk and in policy learn how criminals approach
    # businesses and the municipality.
    (FARMERS, "regio-hart-van-brabant", "policy_officer", 60, 24),
    (FARMERS, "regio-hart-van-brabant", "front_office", 60, 24),
    # Every management team in the province.
    (MANAGEMENT, "provincie-noord-brabant", "mt_member", 30, 36),
]

# The learners, per team: (first name, last name, function, employee number, history), where
# history is a list of (module slug, outcome, days ago) and outcome is "pass", "fail" or
# "progress" (stopped after a few steps). A pass more than 24 months ago has expired. Usernames
# are made from the names (``username_for``).
PEOPLE = {
    # Managed by ``manager``. Barns (BOAs, inspectors): deadline passed; farmers (policy and
    # front office): deadline ahead.
    "oisterwijk-toezicht-en-handhaving": [
        ("Sanne", "de Bruijn", "boa", "BB-1004", [(BARNS, "pass", 790), (FARMERS, "progress", 3)]),
        ("Bram", "van Dongen", "boa", "BB-1005", []),
        ("Lotte", "Hendriks", "inspector", "BB-1006", [(BARNS, "pass", 40), (FARMERS, "pass", 20)]),
        ("Thijs", "van Gorp", "inspector", "BB-1007", [(BARNS, "fail", 15)]),
        ("Femke", "Jansen", "boa", "BB-1008", [(BARNS, "progress", 5)]),
        (
            "Koen",
            "Schellekens",
            "inspector",
            "BB-1009",
            [(BARNS, "pass", 300), (FARMERS, "progress", 1)],
        ),
        ("Daan", "Kuijpers", "boa", "BB-1010", [(BARNS, "pass", 400)]),
    ],
    "oisterwijk-openbare-orde-en-veiligheid": [
        ("Eva", "van Rooij", "policy_officer", "BB-1011", [(FARMERS, "progress", 2)]),
        ("Milan", "de Wit", "front_office", "BB-1012", []),
        ("Noor", "van Beek", "front_office", "BB-1013", [(FARMERS, "pass", 9)]),
        ("Jeroen", "Maas", "policy_officer", "BB-1014", [(FARMERS, "fail", 4)]),
    ],
    "hilvarenbeek-veiligheid-en-handhaving": [
        ("Stijn", "Donkers", "boa", "BB-1015", [(BARNS, "pass", 60)]),
        ("Iris", "van Loon", "boa", "BB-1016", []),
        ("Tim", "Verbunt", "inspector", "BB-1017", [(BARNS, "pass", 770)]),
        (
            "Anne",
            "Pijnenburg",
            "inspector",
            "BB-1018",
            [(FARMERS, "pass", 30), (BARNS, "progress", 2)],
        ),
        ("Luuk", "Raaijmakers", "policy_officer", "BB-1019", [(FARMERS, "progress", 6)]),
    ],
    "hilvarenbeek-managementteam": [
        ("Wouter", "van Esch", "mt_member", "BB-1020", [(MANAGEMENT, "pass", 25)]),
        ("Ellen", "Brouwers", "mt_member", "BB-1021", [(MANAGEMENT, "progress", 3)]),
        ("Hans", "Willems", "mt_member", "BB-1022", []),
    ],
    # HR (``hr``) sees Bernheze. Barns: deadline ahead; holiday parks: deadline passed.
    "bernheze-toezicht-en-handhaving": [
        (
            "Kevin",
            "van der Velden",
            "boa",
            "BB-1023",
            [(BARNS, "pass", 50), (HOLIDAY_PARKS, "pass", 45)],
        ),
        ("Mirjam", "Coolen", "boa", "BB-1024", [(BARNS, "pass", 780)]),
        (
            "Rick",
            "Vermeulen",
            "boa",
            "BB-1025",
            [(BARNS, "progress", 4), (HOLIDAY_PARKS, "progress", 4)],
        ),
        ("Sophie", "Wijnen", "inspector", "BB-1026", []),
        ("Bart", "Timmermans", "inspector", "BB-1027", [(HOLIDAY_PARKS, "pass", 15)]),
        ("Yvonne", "van de Ven", "front_office", "BB-1028", [(HOLIDAY_PARKS, "fail", 8)]),
        ("Fleur", "Claassen", "front_office", "BB-1029", [(HOLIDAY_PARKS, "pass", 30)]),
        ("Gijs", "Martens", "boa", "BB-1030", [(BARNS, "pass", 500)]),
    ],
    "bernheze-managementteam": [
        (
            "Peter",
            "van Hout",
            "mt_member",
            "BB-1031",
            [(MANAGEMENT, "pass", 100), (HOLIDAY_PARKS, "pass", 40)],
        ),
        ("Carla", "Swinkels", "mt_member", "BB-1032", []),
    ],
    "boekel-openbare-orde-en-veiligheid": [
        (
            "Niels",
            "Habraken",
            "boa",
            "BB-1033",
            [(BARNS, "pass", 20), (HOLIDAY_PARKS, "pass", 18)],
        ),
        ("Esther", "Verstappen", "policy_officer", "BB-1034", [(HOLIDAY_PARKS, "progress", 1)]),
        ("Marco", "van Lieshout", "front_office", "BB-1035", []),
        ("Judith", "Ketelaars", "policy_officer", "BB-1036", [(HOLIDAY_PARKS, "pass", 60)]),
    ],
    "odbn-milieutoezicht": [
        ("Roel", "van Kempen", "inspector", "BB-1037", [(BARNS, "pass", 35)]),
        ("Mariska", "Wouters", "inspector", "BB-1038", [(BARNS, "pass", 760)]),
        (
            "Dennis",
            "Bosch",
            "inspector",
            "BB-1039",
            [(BARNS, "progress", 2), (HOLIDAY_PARKS, "pass", 22)],
        ),
        ("Linda", "van Zon", "inspector", "BB-1040", []),
    ],
}

# People who have left: their profile is inactive and they can no longer log in.
INACTIVE = {"daan.kuijpers", "gijs.martens"}

# Where the named demo accounts (``loader.DEMO_USERS``) work: username → (organisation slug,
# employee number). Accounts not listed here (trainer, admin) belong to no organisation.
ACCOUNT_PLACES = {
    "boa": ("oisterwijk-toezicht-en-handhaving", "BB-1001"),
    "ambtenaar": ("oisterwijk-openbare-orde-en-veiligheid", "BB-1002"),
    "mt": ("bernheze-managementteam", "BB-1003"),
    "manager": ("gemeente-oisterwijk", "BB-0901"),
    "hr": ("gemeente-bernheze", "BB-0902"),
    "coordinator": ("provincie-noord-brabant", "BB-0903"),
}

# Who manages which nodes (Organisation.managers): they see everyone there and below.
MANAGED = {
    "manager": ["oisterwijk-toezicht-en-handhaving", "oisterwijk-openbare-orde-en-veiligheid"],
}


def username_for(first_name, last_name):
    """``sanne.debruijn``: the first name, a dot and the last name without spaces."""
    return f"{first_name}.{last_name.replace(' ', '')}".lower()


def iter_tree(node=TREE, parent_slug=None):
    """(parent slug, slug, name, kind) for every node, parents before their children."""
    slug, name, kind, children = node
    yield parent_slug, slug, name, kind
    for child in children:
        yield from iter_tree(child, slug)


def iter_people():
    """(username, first name, last name, function, employee number, active, team slug,
    history) for every learner in ``PEOPLE``."""
    for team_slug, members in PEOPLE.items():
        for first_name, last_name, function, number, history in members:
            username = username_for(first_name, last_name)
            active = username not in INACTIVE
            yield username, first_name, last_name, function, number, active, team_slug, history
