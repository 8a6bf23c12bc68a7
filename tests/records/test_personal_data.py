"""A learner downloads their own data as JSON (AVG right of access), and only their own."""

import json

from tests.factories import UserFactory, play
from training import services


def test_learner_downloads_their_own_attempts_answers_and_completions(
    learner_client, learner, module
):
    attempt, _created = services.start_attempt(learner, module)
    play(attempt)
    other = UserFactory(username="someone-else", first_name="Anderpersoon")
    services.start_attempt(other, module)

    response = learner_client.get("/leren/mijn-gegevens.json")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == learner.username
    assert data["account"]["email"] == learner.email
    assert [c["module"] for c in data["completions"]] == [module.title]
    assert len(data["attempts"]) == 1
    answers = data["attempts"][0]["answers"]
    assert len(answers) == len(module.scored_steps())
    assert {a["verdict"] for a in answers} == {"right"}
    assert "Anderpersoon" not in response.content.decode()
    assert "password" not in response.content.decode()


def test_the_download_is_for_logged_in_users_only(client):
    response = client.get("/leren/mijn-gegevens.json")
    assert response.status_code == 302
