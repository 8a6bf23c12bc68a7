"""Which step comes next when decisions branch, and which module graphs are refused: the pure
rules of ``scenarios.branching``, on plain nodes (no database)."""

from django.utils import translation

from scenarios.branching import Graph, Node, problems


def info(step_id, anchor=""):
    return Node(step_id, "information", title=f"Info {step_id}", anchor=anchor)


def scene(step_id, anchor="", branch_only=False, continue_to=""):
    return Node(
        step_id,
        "scene",
        title=f"Scene {step_id}",
        anchor=anchor,
        branch_only=branch_only,
        continue_to=continue_to,
    )


def decision(step_id, leads_to=None, best="good"):
    """A decision with the options "good", "ok" and "bad"; ``leads_to`` maps options to anchors."""
    return Node(
        step_id,
        "decision",
        title=f"Decision {step_id}",
        leads_to=dict(leads_to or {}),
        option_texts={"good": "Good", "ok": "OK", "bad": "Bad"},
        best_option=best,
    )


def question(step_id):
    return Node(step_id, "single_choice", title=f"Question {step_id}")


def barn():
    """s1, d1 (bad -> danger), danger (branch only), q1, end."""
    return Graph(
        [
            scene("s1"),
            decision("d1", {"bad": "danger"}),
            scene("danger", anchor="danger", branch_only=True),
            question("q1"),
            info("end"),
        ]
    )


def messages(graph):
    with translation.override("en"):
        return [str(problem.message) for problem in problems(graph)]


# -- the path ---------------------------------------------------------------------------------


def test_a_learner_who_takes_no_branch_skips_the_branch_only_scene():
    assert barn().route(choose=lambda node: "good") == ["s1", "d1", "q1", "end"]


def test_a_branch_leads_to_its_scene_and_then_back_to_the_step_after_the_decision():
    assert barn().route(choose=lambda node: "bad") == ["s1", "d1", "danger", "q1", "end"]


def test_the_next_step_follows_from_the_path_and_the_chosen_option():
    graph = barn()
    assert graph.next_id([]) == "s1"
    assert graph.next_id(["s1", "d1"], "bad") == "danger"
    assert graph.next_id(["s1", "d1"], "good") == "q1"
    assert graph.next_id(["s1", "d1", "danger"]) == "q1"
    assert graph.next_id(["s1", "d1", "q1", "end"]) is None


def test_a_branch_scene_with_continue_to_goes_there_and_skips_what_lies_between():
    graph = Graph(
        [
            decision("d1", {"bad": "danger"}),
            question("q1"),
            question("q2"),
            scene("danger", anchor="danger", branch_only=True, continue_to="last"),
            info("end", anchor="last"),
        ]
    )
    assert graph.route(choose=lambda node: "bad") == ["d1", "danger", "end"]
    assert graph.route(choose=lambda node: "good") == ["d1", "q1", "q2", "end"]


def test_a_detour_through_two_branch_only_scenes_returns_after_the_decision():
    graph = Graph(
        [
            decision("d1", {"bad": "a"}),
            question("q1"),
            scene("a", anchor="a", branch_only=True, continue_to="b"),
            scene("b", anchor="b", branch_only=True),
        ]
    )
    assert graph.route(choose=lambda node: "bad") == ["d1", "a", "b", "q1"]


def test_a_branch_to_a_regular_scene_is_a_jump_that_goes_on_in_order_from_there():
    graph = Graph(
        [decision("d1", {"bad": "later"}), question("q1"), scene("s2", anchor="later"), info("i")]
    )
    assert graph.route(choose=lambda node: "bad") == ["d1", "s2", "i"]


def test_the_recommended_path_takes_the_best_option_of_every_decision():
    graph = Graph(
        [
            decision("d1", {"bad": "danger"}, best="bad"),
            scene("danger", anchor="danger", branch_only=True),
            question("q1"),
        ]
    )
    assert graph.recommended_path() == ["d1", "danger", "q1"]
    assert barn().recommended_path() == ["s1", "d1", "q1", "end"]


# -- validation -------------------------------------------------------------------------------


def test_a_module_with_a_working_branch_has_no_problems():
    assert problems(barn()) == []


def test_a_branch_to_a_missing_anchor_is_refused_and_named():
    graph = Graph([decision("d1", {"bad": "nowhere"}), question("q1")])
    (message,) = messages(graph)
    assert "‘Bad’ leads to ‘nowhere’" in message
    assert "no scene in this module has that anchor" in message
    assert problems(graph)[0].position == 0


def test_a_branch_to_a_step_that_is_not_a_scene_is_refused():
    graph = Graph([decision("d1", {"bad": "facts"}), info("i1", anchor="facts")])
    (message,) = messages(graph)
    assert "step 2 ‘Info i1’, which is not a scene" in message


def test_two_steps_with_the_same_anchor_are_refused():
    graph = Graph([scene("s1", anchor="barn"), question("q1"), scene("s2", anchor="barn")])
    (message,) = messages(graph)
    assert "The anchor ‘barn’ is already used by step 1 ‘Scene s1’" in message
    assert problems(graph)[0].position == 2


def test_a_branch_only_scene_no_decision_leads_to_is_refused():
    graph = Graph([question("q1"), scene("lost", anchor="lost", branch_only=True)])
    (message,) = messages(graph)
    assert "no decision option leads to it" in message


def test_continue_with_a_missing_anchor_is_refused():
    graph = Graph(
        [
            decision("d1", {"bad": "a"}),
            scene("a", anchor="a", branch_only=True, continue_to="gone"),
            question("q1"),
        ]
    )
    (message,) = messages(graph)
    assert "‘Continue with’ names ‘gone’" in message


def test_a_loop_is_refused_with_the_steps_it_runs_through():
    graph = Graph(
        [
            scene("start", anchor="start"),
            decision("d1", {"bad": "back"}),
            scene("back", anchor="back", branch_only=True, continue_to="start"),
            question("q1"),
        ]
    )
    (message,) = messages(graph)
    assert "These steps form a loop" in message
    assert "step 1 ‘Scene start’ → step 2 ‘Decision d1’ → step 3 ‘Scene back’ → step 1" in message


def test_a_branch_back_to_an_earlier_regular_scene_is_a_loop():
    graph = Graph([scene("s1", anchor="s1"), decision("d1", {"bad": "s1"}), question("q1")])
    assert any("loop" in message for message in messages(graph))


def test_a_path_that_only_looks_circular_but_leaves_is_accepted():
    """Two decisions leading to the same branch scene: each detour returns after its own
    decision, so nothing repeats."""
    graph = Graph(
        [
            decision("d1", {"bad": "danger"}),
            decision("d2", {"bad": "danger"}),
            scene("danger", anchor="danger", branch_only=True),
            question("q1"),
        ]
    )
    assert problems(graph) == []
    route = graph.route(choose=lambda node: "bad")
    assert route == ["d1", "danger", "d2", "danger", "q1"]
