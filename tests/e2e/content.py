"""The content the browser tests take: the demo (``manage.py load_demo``) when the project has
it, so the tests prove that a learner can complete a real demo module; otherwise modules built
with the factories. Also: which option is right for each step, read from the published revision
on the server side, so a test can choose answers the way a learner who knows them would."""

import importlib
import importlib.util
from dataclasses import dataclass

from django.core.management import call_command

from people.roles import ensure_groups
from scenarios.models import ModuleCatalogue, ModulePage

DEMO_COMMAND = "demo.management.commands.load_demo"
DEMO_LEARNER = "boa"


@dataclass
class LearningContent:
    username: str
    password: str
    catalogue: ModuleCatalogue
    module: ModulePage  # a module the learner can take, with at least one scored step
    from_demo: bool


def demo_available():
    return importlib.util.find_spec(DEMO_COMMAND) is not None


def demo_password():
    """The demo password, from the command that sets it (never repeated in the tests)."""
    command = importlib.import_module(DEMO_COMMAND)
    for name in ("DEMO_PASSWORD", "PASSWORD"):
        if isinstance(getattr(command, name, None), str):
            return getattr(command, name)
    candidates = [
        value
        for name, value in vars(command).items()
        if name.isupper() and "PASSWORD" in name and isinstance(value, str)
    ]
    assert len(candidates) == 1, f"expected one password constant in {DEMO_COMMAND}"
    return candidates[0]


def load_learning_content():
    if demo_available():
        call_command("load_demo", verbosity=0)
        from django.contrib.auth import get_user_model

        from training.models import Attempt
        from training.services import modules_for

        learner = get_user_model().objects.get(username=DEMO_LEARNER)
        catalogue = ModuleCatalogue.objects.live().first()
        modules = [m.specific for m in modules_for(learner, catalogue)]
        modules = [m for m in modules if m.scored_steps() and len(m.steps) >= 3]
        # The first module in the catalogue the learner has not taken yet (the demo gives the
        # learner some history), else the first without an attempt in progress.
        taken = set(Attempt.objects.filter(learner=learner).values_list("module_id", flat=True))
        open_ = set(
            Attempt.objects.open().filter(learner=learner).values_list("module_id", flat=True)
        )
        candidates = [m for m in modules if m.pk not in taken] or [
            m for m in modules if m.pk not in open_
        ]
        assert candidates, "the demo has no module the demo learner can start afresh"
        return LearningContent(DEMO_LEARNER, demo_password(), catalogue, candidates[0], True)

    from tests.factories import UserFactory, make_module, site_with_catalogue

    catalogue = site_with_catalogue()
    ensure_groups(catalogue)
    module = make_module(title="Signalen bij een leegstaande schuur", catalogue=catalogue)
    user = UserFactory(username="e2e-boa")
    return LearningContent(user.username, "secret-pass-123", catalogue, module, False)


def steps_of(module):
    """The steps of the module's published revision, as the player serves them."""
    module.refresh_from_db()
    return list(module.live_revision.as_object().steps)


def right_option_ids(step):
    """The option ids a learner must choose for full points on a scored step (empty list for a
    step that takes no answer)."""
    if step.block_type == "hotspot":  # the list of labels: tick every signal
        return [
            f"r:{region.id}"
            for region in step.value["regions"].bound_blocks
            if region.value["kind"] == "signal"
        ]
    options = list(step.value["options"].bound_blocks) if "options" in step.value else []
    if step.block_type == "decision":
        best = max(option.value["points"] for option in options)
        return [next(o.id for o in options if o.value["points"] == best)]
    if step.block_type in ("single_choice", "multiple_choice"):
        return [option.id for option in options if option.value["correct"]]
    return []


def wrong_option_ids(step):
    """A choice that earns nothing on a scored step."""
    if step.block_type == "hotspot":
        return [
            next(
                f"r:{region.id}"
                for region in step.value["regions"].bound_blocks
                if region.value["kind"] == "ordinary"
            )
        ]
    options = list(step.value["options"].bound_blocks)
    if step.block_type == "decision":
        worst = min(option.value["points"] for option in options)
        return [next(o.id for o in options if o.value["points"] == worst)]
    return [next(option.id for option in options if not option.value["correct"])]
