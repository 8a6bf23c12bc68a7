import re

from training.models import Attempt, Completion


def test_learner_walks_through_a_module(learner_client, module, learner):
    response = learner_client.get(module.url)
    assert response.status_code == 200
    response = learner_client.post(f"/leren/module/{module.pk}/start/")
    assert response.status_code == 302
    attempt = Attempt.objects.get(learner=learner)
    assert response["Location"] == f"/leren/poging/{attempt.pk}/stap/1/"
    for number in range(1, module.step_count + 1):
        page = learner_client.get(f"/leren/poging/{attempt.pk}/stap/{number}/")
        assert page.status_code == 200, page.content
        html = page.content.decode()
        assert "FEEDBACK" not in html
        options = re.findall(r'name="option" id="[^"]+" value="([^"]+)"', html)
        if options:
            r = learner_client.post(
                f"/leren/poging/{attempt.pk}/stap/{number}/antwoord/", {"option": options[0]}
            )
            assert r.status_code == 302, r.content
            page = learner_client.get(f"/leren/poging/{attempt.pk}/stap/{number}/")
            assert "Feedback" in page.content.decode()
        if number < module.step_count:
            r = learner_client.post(f"/leren/poging/{attempt.pk}/stap/{number}/verder/")
            assert r.status_code == 302
    r = learner_client.post(f"/leren/poging/{attempt.pk}/afronden/")
    assert r.status_code == 302
    result = learner_client.get(r["Location"])
    assert result.status_code == 200
    attempt.refresh_from_db()
    assert attempt.score is not None
    assert Completion.objects.get(learner=learner).attempt_count == 1
