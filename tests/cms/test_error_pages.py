"""Error pages speak Dutch, say what happened and offer a way back to the start."""


def test_missing_page_shows_a_dutch_404_with_a_way_back(learner_client):
    response = learner_client.get("/leren/poging/999999/stap/1/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in html
    assert 'href="/">Naar de startpagina' in html
