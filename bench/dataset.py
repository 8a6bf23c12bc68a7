"""The bench data sets, made reproducibly from a seed and a scale.

``province`` (scale 1): 20,000 learners in 300 teams under one province, 40 modules (one of 5
steps, one of 50), assignments, 200,000 completions with their attempts and 2,000,000 responses;
one municipality has exactly 500 people and a manager (the dashboard benchmark), and there is a
programme coordinator (the province-wide figures).

``export`` (scale 1): 25,000 learners with a completion of each of 40 modules, 1,000,000
completion rows; the region ``regio-export-100k`` holds exactly 100,000 of them.

The large tables are written with ``executemany`` in batches, straight into the tables; the
values are what the services would have written. A marker table remembers the seed, scale and
generator version, so a run with the same ones reuses the data set.
"""

import datetime
import json
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection

from people.models import Assignment, Function, Organisation, OrganisationKind, Profile
from training.models import Attempt, Completion, Response

from . import content

VERSION = 2  # 2: scored steps tagged with signals (signal insight)
MARKER_TABLE = "bench_dataset"
BATCH = 20_000

PROVINCE = {"learners": 20_000, "teams": 300, "completions": 200_000, "responses": 2_000_000}
EXPORT = {"learners": 25_000, "teams": 250, "modules": 40}
MODULES = 40
BIG_ORGANISATION = 500  # the municipality of the manager-dashboard benchmark

FIRST_NAMES = [
    "Sanne",
    "Kevin",
    "Fatima",
    "Joris",
    "Anouk",
    "Mohamed",
    "Lotte",
    "Bram",
    "Iris",
    "Daan",
    "Noor",
    "Thijs",
    "Emma",
    "Sem",
    "Julia",
    "Ruben",
    "Sophie",
    "Luuk",
    "Yara",
    "Jesse",
    "Eva",
    "Milan",
    "Lieke",
    "Stijn",
    "Ayoub",
    "Fleur",
    "Cem",
    "Maud",
    "Koen",
    "Zeynep",
]
LAST_NAMES = [
    "de Bruijn",
    "van der Velden",
    "Jansen",
    "van Dijk",
    "Bakker",
    "El Amrani",
    "Smits",
    "van den Heuvel",
    "Peters",
    "Hendriks",
    "Dekker",
    "Verhoeven",
    "Yilmaz",
    "van Gils",
    "Maas",
    "Kuijpers",
    "van Loon",
    "Willems",
    "Çelik",
    "Müller",
    "de Wit",
    "Schouten",
]
FUNCTIONS = (
    [Function.BOA] * 40
    + [Function.INSPECTOR] * 25
    + [Function.POLICY_OFFICER] * 20
    + [Function.FRONT_OFFICE] * 10
    + [Function.MT_MEMBER] * 5
)
NOW = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)  # a Monday morning
PASSWORD = "Bench-2026-niet-geheim"  # noqa: S105 - only for the bench data set


# -- marker --------------------------------------------------------------------------------------


def read_marker():
    with connection.cursor() as cursor:
        if MARKER_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT value FROM {MARKER_TABLE} WHERE name = %s", ["dataset"])  # noqa: S608
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def write_marker(marker):
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (name varchar(40) PRIMARY KEY, value text)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (name, value) VALUES (%s, %s)",  # noqa: S608
            ["dataset", json.dumps(marker)],
        )


def wanted_marker(dataset, seed, scale):
    return {"dataset": dataset, "seed": seed, "scale": scale, "version": VERSION}


def matches(marker, dataset, seed, scale):
    if not marker:
        return False
    return all(marker.get(k) == v for k, v in wanted_marker(dataset, seed, scale).items())


# -- helpers -------------------------------------------------------------------------------------


def scaled(value, scale, minimum=1):
    return max(minimum, round(value * scale))


class Writer:
    """Rows into one table with executemany, in batches; explicit primary keys."""

    def __init__(self, model, columns):
        self.model = model
        meta = model._meta
        self.fields = [meta.get_field(name) for name in columns]
        # Columns this generator does not set (added to the model later, say) get their
        # default, the way the ORM would fill them.
        self.defaults = [
            f.get_db_prep_save(f.get_default(), connection=connection)
            for f in meta.concrete_fields
            if f not in self.fields and f.has_default()
        ]
        self.fields += [f for f in meta.concrete_fields if f not in self.fields and f.has_default()]
        names = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        self.sql = (
            f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({names}) VALUES ({marks})"  # noqa: S608
        )
        self.rows = []
        self.count = 0

    def add(self, row):
        self.rows.append((*row, *self.defaults) if self.defaults else row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self):
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows = []


def db_datetime(value):
    return connection.ops.adapt_datetimefield_value(value)


def db_decimal(model, field_name, value, cache={}):  # noqa: B006 - deliberate memo
    key = (model, field_name, value)
    if key not in cache:
        cache[key] = model._meta.get_field(field_name).get_db_prep_save(
            Decimal(value), connection=connection
        )
    return cache[key]


def db_json(model, field_name, value, cache={}):  # noqa: B006 - deliberate memo
    key = (model, field_name, json.dumps(value))
    if key not in cache:
        cache[key] = model._meta.get_field(field_name).get_db_prep_save(
            value, connection=connection
        )
    return cache[key]


def reset_sequences(models):
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


# -- organisations and people ---------------------------------------------------------------------


def _node(parent_path, position, depth, name, slug, kind):
    path = Organisation._get_path(parent_path, depth, position)
    return Organisation(path=path, depth=depth, numchild=0, name=name, slug=slug, kind=kind)


def build_tree(team_sizes_by_employer, regions, region_for=None):
    """Province → regions → employers (municipality or partner) → teams. ``team_sizes_by_employer``
    is a list (per employer) of lists (per team) of head counts; employers are dealt out over
    the regions in turn. Returns (nodes, team nodes with their sizes, employer nodes)."""
    province = _node(None, 1, 1, "Provincie Noord-Brabant", "provincie", "province")
    nodes = [province]
    region_nodes = []
    for r, (name, slug) in enumerate(regions, start=1):
        region = _node(province.path, r, 2, name, slug, OrganisationKind.REGION)
        region_nodes.append(region)
        nodes.append(region)
    province.numchild = len(region_nodes)
    teams, employers = [], []
    per_region = {region.path: 0 for region in region_nodes}
    for e, team_sizes in enumerate(team_sizes_by_employer, start=1):
        index = region_for(e) if region_for else (e - 1) % len(region_nodes)
        region = region_nodes[index]
        per_region[region.path] += 1
        kind = OrganisationKind.MUNICIPALITY if e % 6 else OrganisationKind.PARTNER
        name = "Gemeente Groot-Bench" if e == 1 else f"Gemeente Bench {e:03d}"
        if kind == OrganisationKind.PARTNER:
            name = f"Omgevingsdienst Bench {e:03d}"
        employer = _node(region.path, per_region[region.path], 3, name, f"org-{e:03d}", kind)
        employer.numchild = len(team_sizes)
        employers.append(employer)
        nodes.append(employer)
        for t, size in enumerate(team_sizes, start=1):
            team = _node(
                employer.path, t, 4, f"Team {t:02d} {name}", f"team-{e:03d}-{t:02d}", "team"
            )
            teams.append((team, size))
            nodes.append(team)
    for region in region_nodes:
        region.numchild = per_region[region.path]
    Organisation.objects.bulk_create(nodes, batch_size=1000)
    return nodes, teams, employers


def split(total, parts):
    """``total`` as ``parts`` whole numbers that differ by at most one."""
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def make_people(rng, teams, start_number=1, username_prefix="learner"):
    """Users and profiles for every team; returns [(user_id, team, function, active)]."""
    User = get_user_model()
    password = make_password(PASSWORD)
    people = []
    number = start_number
    users = []
    for team, size in teams:
        for _i in range(size):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(LAST_NAMES)
            users.append(
                (
                    User(
                        username=f"{username_prefix}{number:05d}",
                        first_name=first,
                        last_name=last,
                        email=f"{username_prefix}{number:05d}@bench.example.nl",
                        password=password,
                        date_joined=NOW - datetime.timedelta(days=400),
                    ),
                    team,
                    rng.choice(FUNCTIONS),
                    rng.random() > 0.02,
                    number,
                )
            )
            number += 1
    User.objects.bulk_create([u for u, *_rest in users], batch_size=2000)
    # bulk_create sets primary keys on SQLite and PostgreSQL; read them back to be sure.
    ids = dict(
        User.objects.filter(username__startswith=username_prefix).values_list("username", "pk")
    )
    profiles = []
    for user, team, function, active, num in users:
        user_id = ids[user.username]
        profiles.append(
            Profile(
                user_id=user_id,
                organisation=team,
                function=function,
                employee_number=f"E{num:06d}",
                active=active,
            )
        )
        people.append((user_id, team, function, active))
    Profile.objects.bulk_create(profiles, batch_size=2000)
    return people


# -- modules and answers ------------------------------------------------------------------------


def module_shape(number):
    """(steps, scored steps, audience) of module ``number`` (1-based): module 1 is the typical
    module of the step benchmarks (16 steps), module 2 has 5 steps, module 3 has 50."""
    if number == 1:
        return 16, 10, "professionals"
    if number == 2:
        return 5, 3, "professionals"
    if number == 3:
        return 50, 30, "professionals"
    steps = 12 + number % 7
    audience = "management" if number > 37 else ("both" if number > 34 else "professionals")
    return steps, round(steps * 0.6), audience


def make_modules(rng, catalogue, count, shape=module_shape):
    themes = content.make_themes()
    signals = content.make_signals(themes)
    modules = []
    for number in range(1, count + 1):
        steps, scored, audience = shape(number)
        theme = themes[number % len(themes)]
        modules.append(
            content.make_module(
                rng, catalogue, theme, number, steps, scored, audience, signals[theme.pk]
            )
        )
    return modules


def answer_plans(module):
    """Per scored step of a module: a good and a bad answer as the scorer judges them, as
    (block id, block type, stored answer, verdict, points, max points)."""
    plans = []
    for step in module.steps:
        if not step.block.is_scored:
            continue
        good = step.block.example_answer(step.value, good=True)
        bad = step.block.example_answer(step.value, good=False)
        pair = []
        for chosen in (good, bad):
            judged = step.block.score(step.value, chosen)
            pair.append(
                (
                    step.id,
                    step.block_type,
                    db_json(Response, "chosen_options", list(judged.answer)),
                    judged.verdict,
                    judged.points,
                    judged.max_points,
                )
            )
        plans.append(pair)
    return plans


# -- the province --------------------------------------------------------------------------------

REGIONS = (
    ("Regio Hart van Brabant", "regio-hart-van-brabant"),
    ("Regio Noordoost-Brabant", "regio-noordoost-brabant"),
    ("Regio West-Brabant", "regio-west-brabant"),
    ("Regio Zuidoost-Brabant", "regio-zuidoost-brabant"),
)


def province_structure(scale):
    learners = scaled(PROVINCE["learners"], scale, 20)
    teams = scaled(PROVINCE["teams"], scale, 3)
    big = min(scaled(BIG_ORGANISATION, scale, 5), learners // 2)
    big_teams = max(1, min(7, teams // 3))
    rest_teams = split(learners - big, teams - big_teams)
    employers = [split(big, big_teams)]
    per_employer = 10
    for start in range(0, len(rest_teams), per_employer):
        employers.append(rest_teams[start : start + per_employer])
    return learners, employers


def generate_province(rng, scale, log):
    learners, employer_teams = province_structure(scale)
    completions_wanted = scaled(PROVINCE["completions"], scale)
    responses_wanted = scaled(PROVINCE["responses"], scale)
    _home, catalogue = content.make_site()
    modules = make_modules(rng, catalogue, MODULES)
    log(f"site and {len(modules)} modules")
    _nodes, teams, employers = build_tree(employer_teams, REGIONS)
    people = make_people(rng, teams)
    log(f"{len(teams)} teams, {len(people)} learners")
    make_roles(catalogue, employers[0])
    assignments = make_assignments(rng, modules, employers)
    log(f"{assignments} assignments")
    counts = make_history(rng, people, modules, completions_wanted, responses_wanted)
    log("{completions} completions, {attempts} attempts, {responses} responses".format(**counts))
    return {
        "learners": len(people),
        "teams": len(teams),
        "modules": len(modules),
        "assignments": assignments,
        "big_organisation": employers[0].slug,
        "big_organisation_people": sum(
            size for _t, size in teams if _t.path.startswith(employers[0].path)
        ),
        **counts,
    }


def make_roles(catalogue, big_organisation):
    """A manager of the 500-person municipality and a programme coordinator."""
    from people import roles

    groups = roles.ensure_groups(catalogue)
    User = get_user_model()
    password = make_password(PASSWORD)
    manager = User.objects.create(username="bench-manager", password=password, first_name="Mia")
    manager.groups.add(groups[roles.MANAGERS])
    big_organisation.managers.add(manager)
    coordinator = User.objects.create(
        username="bench-coordinator", password=password, first_name="Cas"
    )
    coordinator.groups.add(groups[roles.COORDINATORS])


def make_assignments(rng, modules, employers):
    """Province-wide campaign modules (one due next month, one overdue, one with a validity
    that has run out for early passers), the management module for MT members, and two
    modules per employer."""
    province = Organisation.objects.get(depth=1)
    today = NOW.date()
    rows = [
        Assignment(
            module=modules[0], organisation=province, due_date=today + datetime.timedelta(days=30)
        ),
        Assignment(
            module=modules[3], organisation=province, due_date=today - datetime.timedelta(days=30)
        ),
        Assignment(
            module=modules[4],
            organisation=province,
            due_date=today - datetime.timedelta(days=500),
            validity_months=12,
        ),
        Assignment(
            module=modules[-1],
            organisation=province,
            function=Function.MT_MEMBER,
            due_date=today + datetime.timedelta(days=60),
        ),
    ]
    candidates = list(modules[5:34])
    for employer in employers:
        for module in rng.sample(candidates, 2):
            rows.append(
                Assignment(
                    module=module,
                    organisation=employer,
                    due_date=today + datetime.timedelta(days=rng.randint(-90, 120)),
                    validity_months=rng.choice([None, 24]),
                )
            )
    Assignment.objects.bulk_create(rows)
    return len(rows)


def _attempt_answers(rng, count, passing):
    """Which scored steps get the good answer (True) in an attempt."""
    if passing:
        answers = [True] * count
        if count > 4 and rng.random() < 0.4:
            answers[rng.randrange(count)] = False
        return answers
    return [rng.random() < 0.35 for _i in range(count)]


def make_history(rng, people, modules, completions_wanted, responses_wanted):
    """Attempts, responses and the completion each learner's attempts add up to."""
    per_person = split(completions_wanted, len(people))
    professional = [m for m in modules if m.audience != "management"]
    plans = {m.pk: answer_plans(m) for m in modules}
    scored_index = {
        m.pk: [i for i, step in enumerate(m.steps) if step.block_type != "information"]
        for m in modules
    }
    steps_of = {m.pk: len(m.steps) for m in modules}
    pass_mark = {m.pk: m.pass_mark for m in modules}
    revision = {m.pk: m.live_revision_id for m in modules}

    # First the plan of every attempt: [learner, module, started, finished, answers]; open
    # attempts get their number of answers below, so that the responses add up exactly.
    attempts = []
    completion_of = []  # (learner, module, [attempt indexes])
    for (user_id, _team, function, _active), wanted in zip(people, per_person, strict=True):
        pool = modules if function == Function.MT_MEMBER else professional
        for module in rng.sample(pool, min(wanted, len(pool))):
            count = len(plans[module.pk])
            draw = rng.random()
            started = NOW - datetime.timedelta(
                days=rng.randint(1, 700), minutes=rng.randint(0, 600)
            )
            own = []
            if draw >= 0.65 and draw < 0.75 or draw < 0.65 and rng.random() < 0.2:
                attempts.append(
                    [
                        user_id,
                        module.pk,
                        started,
                        started + datetime.timedelta(minutes=14),
                        _attempt_answers(rng, count, False),
                    ]
                )
                own.append(len(attempts) - 1)
                started += datetime.timedelta(days=1)
            if draw < 0.65:
                attempts.append(
                    [
                        user_id,
                        module.pk,
                        started,
                        started + datetime.timedelta(minutes=12),
                        _attempt_answers(rng, count, True),
                    ]
                )
                own.append(len(attempts) - 1)
            elif draw >= 0.75:
                attempts.append([user_id, module.pk, started, None, None])
                own.append(len(attempts) - 1)
            completion_of.append((user_id, module.pk, own))

    finished_responses = sum(len(a[4]) for a in attempts if a[3] is not None)
    open_attempts = [a for a in attempts if a[3] is None]
    capacity = [len(plans[a[1]]) for a in open_attempts]
    need = max(0, responses_wanted - finished_responses)
    total_capacity = sum(capacity) or 1
    shares = [min(c, need * c // total_capacity) for c in capacity]
    left = need - sum(shares)
    for i, c in enumerate(capacity):
        if left <= 0:
            break
        if shares[i] < c:
            shares[i] += 1
            left -= 1
    for attempt, share in zip(open_attempts, shares, strict=True):
        attempt[4] = [rng.random() < 0.7 for _i in range(share)]

    attempt_writer = Writer(
        Attempt,
        [
            "id",
            "learner",
            "module",
            "revision",
            "started_at",
            "finished_at",
            "reached_step",
            "points",
            "max_points",
            "score",
            "passed",
        ],
    )
    response_writer = Writer(
        Response,
        [
            "id",
            "attempt",
            "block_id",
            "block_type",
            "chosen_options",
            "verdict",
            "points",
            "max_points",
            "answered_at",
        ],
    )
    results = []  # per attempt: (finished_at, score, passed)
    response_id = 0
    for attempt_id, (learner, module_id, started, finished, answers) in enumerate(attempts, 1):
        plan = plans[module_id]
        points = max_points = Decimal(0)
        for number, good in enumerate(answers):
            block_id, block_type, chosen, verdict, earned, most = plan[number][0 if good else 1]
            response_id += 1
            answered = started + datetime.timedelta(seconds=40 * (number + 1))
            response_writer.add(
                (
                    response_id,
                    attempt_id,
                    block_id,
                    block_type,
                    chosen,
                    verdict,
                    db_decimal(Response, "points", earned),
                    db_decimal(Response, "max_points", most),
                    db_datetime(answered),
                )
            )
            points += earned
            max_points += most
        if finished is None:
            reached = (
                scored_index[module_id][len(answers)]
                if len(answers) < len(plan)
                else steps_of[module_id] - 1
            )
            score = passed = None
            row_points = row_max = None
        else:
            reached = steps_of[module_id]
            score = round(100 * points / max_points) if max_points else 0
            passed = score >= pass_mark[module_id]
            row_points = db_decimal(Attempt, "points", points)
            row_max = db_decimal(Attempt, "max_points", max_points)
        results.append((finished, score, passed))
        attempt_writer.add(
            (
                attempt_id,
                learner,
                module_id,
                revision[module_id],
                db_datetime(started),
                db_datetime(finished) if finished else None,
                reached,
                row_points,
                row_max,
                score,
                passed,
            )
        )
    attempt_writer.flush()
    response_writer.flush()

    completion_writer = Writer(
        Completion,
        [
            "id",
            "learner",
            "module",
            "status",
            "best_score",
            "first_completed_at",
            "last_completed_at",
            "attempt_count",
            "updated_at",
        ],
    )
    for completion_id, (learner, module_id, own) in enumerate(completion_of, 1):
        done = [results[i] for i in own if results[i][0] is not None]
        passed_at = [finished for finished, _score, passed in done if passed]
        if passed_at:
            status = "completed"
        elif done:
            status = "failed"
        else:
            status = "in_progress"
        best = max((score for _f, score, _p in done), default=None)
        last_change = max([attempts[i][3] or attempts[i][2] for i in own], default=NOW)
        completion_writer.add(
            (
                completion_id,
                learner,
                module_id,
                status,
                best,
                db_datetime(min(passed_at)) if passed_at else None,
                db_datetime(max(passed_at)) if passed_at else None,
                len(own),
                db_datetime(last_change),
            )
        )
    completion_writer.flush()
    reset_sequences([Attempt, Response, Completion])
    return {
        "completions": completion_writer.count,
        "attempts": attempt_writer.count,
        "responses": response_writer.count,
    }


# -- the export data set -------------------------------------------------------------------------

EXPORT_REGIONS = (
    ("Regio Export-100k", "regio-export-100k"),
    ("Regio Export-rest", "regio-export-rest"),
)


def generate_export(rng, scale, log):
    """Every learner has a completion of every module: 25,000 × 40 = 1,000,000 rows, of which
    the first region holds 2,500 × 40 = 100,000."""
    learners = scaled(EXPORT["learners"], scale, 20)
    small = learners // 10
    per_team = 100 if learners >= 2_000 else 5
    rest_teams = split(learners - small, max(1, (learners - small) // per_team))
    employer_teams = [split(small, max(1, small // per_team))]
    for start in range(0, len(rest_teams), 10):
        employer_teams.append(rest_teams[start : start + 10])
    _home, catalogue = content.make_site()
    modules = make_modules(
        rng, catalogue, EXPORT["modules"], shape=lambda n: (5, 3, "professionals")
    )
    # The first employer is the first region; all the others are in the second.
    regions = EXPORT_REGIONS
    _nodes, teams, employers = build_tree(
        employer_teams, regions, region_for=lambda e: 0 if e == 1 else 1
    )
    people = make_people(rng, teams)
    make_assignments(rng, modules, employers)
    log(f"{len(people)} learners, {len(modules)} modules")
    writer = Writer(
        Completion,
        [
            "id",
            "learner",
            "module",
            "status",
            "best_score",
            "first_completed_at",
            "last_completed_at",
            "attempt_count",
            "updated_at",
        ],
    )
    completion_id = 0
    for user_id, _team, _function, _active in people:
        for module in modules:
            completion_id += 1
            draw = rng.random()
            finished = NOW - datetime.timedelta(
                days=rng.randint(1, 900), minutes=rng.randint(0, 900)
            )
            finished_at = db_datetime(finished)
            if draw < 0.7:
                row = (
                    "completed",
                    rng.randint(70, 100),
                    finished_at,
                    finished_at,
                    rng.randint(1, 2),
                )
            elif draw < 0.8:
                row = ("failed", rng.randint(10, 69), None, None, rng.randint(1, 3))
            else:
                row = ("in_progress", None, None, None, 1)
            status, best, first, last, count = row
            writer.add(
                (completion_id, user_id, module.pk, status, best, first, last, count, finished_at)
            )
    writer.flush()
    reset_sequences([Completion])
    small_region = Organisation.objects.get(slug=regions[0][1])
    in_small = Completion.objects.filter(
        learner__profile__organisation__path__startswith=small_region.path
    ).count()
    log(f"{writer.count} completions, {in_small} in {small_region.slug}")
    return {
        "learners": len(people),
        "modules": len(modules),
        "completions": writer.count,
        "small_region": small_region.slug,
        "small_region_completions": in_small,
    }
