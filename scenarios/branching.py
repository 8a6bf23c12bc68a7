"""Branching scenes: which step comes next, and whether a module's branches can work.

Pure functions over a module's steps; no database. The rule, in full (also in the README and the
blocks' help texts):

* The learner goes through the steps in order, skipping branch-only scenes.
* After a decision whose chosen option has ``leads_to``, the next step is the scene with that
  anchor.
* After a scene with ``continue_to``, the next step is the step with that anchor.
* Going to a branch-only scene is a detour: after it (and after any branch-only scenes it
  continues to) the learner goes on with the first regular step after the step the detour started
  from, normally the decision whose option led there.
* Going to a regular step by ``leads_to`` or ``continue_to`` is a jump: the learner goes on in
  order from there.

A decision is answered once, so a path that comes back to a step it has been on would trap the
learner; ``problems`` refuses every loop.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

VERDICT_RANK = {"right": 0, "acceptable": 1, "partial": 2, "wrong": 3}


@dataclass(frozen=True)
class Node:
    """What branching needs to know of one step."""

    id: str
    kind: str
    title: str = ""
    anchor: str = ""
    branch_only: bool = False
    continue_to: str = ""
    # option id -> anchor, for decision options that lead somewhere (in option order)
    leads_to: dict = field(default_factory=dict)
    # option texts by id, for messages
    option_texts: dict = field(default_factory=dict)
    best_option: str | None = None


def step_title(block_type, value):
    """A short title for a step: its heading, prompt or question."""
    for name in ("heading", "prompt", "question"):
        text = value.get(name) if hasattr(value, "get") else None
        if text:
            return str(text)
    return str(block_type)


def nodes_from_steps(steps):
    """Nodes for a StreamValue (or any list of objects with ``id``, ``block_type``, ``value``)."""
    nodes = []
    for step in steps:
        value = step.value
        leads_to, option_texts, best = {}, {}, None
        if step.block_type == "decision":
            ranked = []
            for position, child in enumerate(value["options"].bound_blocks):
                option = child.value
                option_texts[child.id] = option["text"]
                target = (option.get("leads_to") or "").strip()
                if target:
                    leads_to[child.id] = target
                rank = VERDICT_RANK.get(option["verdict"], 9)
                ranked.append(((rank, -int(option["points"] or 0), position), child.id))
            best = min(ranked)[1] if ranked else None
        nodes.append(
            Node(
                id=step.id,
                kind=step.block_type,
                title=step_title(step.block_type, value),
                anchor=(value.get("anchor") or "").strip() if hasattr(value, "get") else "",
                branch_only=bool(value.get("branch_only")) if hasattr(value, "get") else False,
                continue_to=(value.get("continue_to") or "").strip()
                if hasattr(value, "get")
                else "",
                leads_to=leads_to,
                option_texts=option_texts,
                best_option=best,
            )
        )
    return nodes


class Graph:
    """The steps of one module with their anchors, for walking paths."""

    def __init__(self, nodes):
        self.nodes = list(nodes)
        self.index = {node.id: position for position, node in enumerate(self.nodes)}
        self.by_anchor = {}
        for position, node in enumerate(self.nodes):
            if node.anchor and node.anchor not in self.by_anchor:
                self.by_anchor[node.anchor] = position

    @classmethod
    def from_steps(cls, steps):
        return cls(nodes_from_steps(steps))

    def next_in_order(self, position):
        """The first regular (not branch-only) step after ``position``; None at the end."""
        for later in range(position + 1, len(self.nodes)):
            if not self.nodes[later].branch_only:
                return later
        return None

    def start(self):
        return self.next_in_order(-1)

    def successor(self, position, resume, choice=None):
        """(next position or None, new resume) after the step at ``position``. ``resume`` is the
        position a detour returns after (None outside a detour); ``choice`` the chosen option of
        a decision."""
        node = self.nodes[position]
        target = None
        if node.kind == "decision" and choice is not None:
            target = node.leads_to.get(choice)
        elif node.kind == "scene" and node.continue_to:
            target = node.continue_to
        if target:
            found = self.by_anchor.get(target)
            if found is None:
                return None, None  # invalid content; validation refuses it
            return found, self._resume_on_entry(position, found, resume)
        if node.branch_only and resume is not None:
            return self.next_in_order(resume), None
        return self.next_in_order(position), None

    def _resume_on_entry(self, from_position, to_position, resume):
        if self.nodes[to_position].branch_only:
            return resume if resume is not None else from_position
        return None

    def resume_of(self, path_ids):
        """The detour state at the end of a path (a list of step ids)."""
        resume = None
        positions = [self.index[step_id] for step_id in path_ids if step_id in self.index]
        for previous, current in zip(positions, positions[1:], strict=False):
            resume = self._resume_on_entry(previous, current, resume)
        return resume

    def next_id(self, path_ids, choice=None):
        """The id of the step after the last step of ``path_ids``; the first step for an empty
        path; None at the end of the module."""
        if not path_ids:
            start = self.start()
            return None if start is None else self.nodes[start].id
        last = self.index.get(path_ids[-1])
        if last is None:
            return None
        following, _resume = self.successor(last, self.resume_of(path_ids), choice)
        return None if following is None else self.nodes[following].id

    def route(self, path_ids=(), choose=lambda node: None):
        """The path from the end of ``path_ids`` (or from the start) to the end of the module,
        choosing ``choose(node)`` at each decision. Stops rather than loop on a looping module."""
        path = list(path_ids)
        if not path:
            start = self.start()
            if start is None:
                return []
            path = [self.nodes[start].id]
        seen = set()
        resume = self.resume_of(path)
        position = self.index.get(path[-1])
        while position is not None and (position, resume) not in seen:
            seen.add((position, resume))
            node = self.nodes[position]
            choice = choose(node) if node.kind == "decision" else None
            position, resume = self.successor(position, resume, choice)
            if position is not None:
                path.append(self.nodes[position].id)
        return path

    def recommended_path(self):
        """The path of a learner who takes the best option of every decision."""
        return self.route(choose=lambda node: node.best_option)

    def titles(self, path_ids):
        return [self.nodes[self.index[step_id]].title for step_id in path_ids]


# -- content validation ----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A reason the branches of a module cannot work; ``position`` is the step it belongs to
    (None for the module as a whole), ``field`` the block field where it applies."""

    position: int | None
    message: str
    field: str | None = None


def _label(graph, position):
    return _("step %(number)s ‘%(title)s’") % {
        "number": position + 1,
        "title": graph.nodes[position].title,
    }


def problems(nodes):
    """Everything wrong with the branches of a module, each with a message for the trainer."""
    graph = nodes if isinstance(nodes, Graph) else Graph(nodes)
    found = []
    first_with = {}
    for position, node in enumerate(graph.nodes):
        if not node.anchor:
            continue
        if node.anchor in first_with:
            found.append(
                Problem(
                    position,
                    _(
                        "The anchor ‘%(anchor)s’ is already used by %(other)s. Give every "
                        "step its own anchor."
                    )
                    % {"anchor": node.anchor, "other": _label(graph, first_with[node.anchor])},
                    "anchor",
                )
            )
        else:
            first_with[node.anchor] = position

    targeted = set()
    for position, node in enumerate(graph.nodes):
        for option_id, anchor in node.leads_to.items():
            targeted.add(anchor)
            target = graph.by_anchor.get(anchor)
            text = node.option_texts.get(option_id, "")
            if target is None:
                found.append(
                    Problem(
                        position,
                        _(
                            "The option ‘%(option)s’ leads to ‘%(anchor)s’, but no scene in "
                            "this module has that anchor."
                        )
                        % {"option": text, "anchor": anchor},
                        "options",
                    )
                )
            elif graph.nodes[target].kind != "scene":
                found.append(
                    Problem(
                        position,
                        _(
                            "The option ‘%(option)s’ leads to %(target)s, which is not a "
                            "scene. An option can only lead to a scene."
                        )
                        % {"option": text, "target": _label(graph, target)},
                        "options",
                    )
                )
        if node.continue_to:
            targeted.add(node.continue_to)
            if node.continue_to not in graph.by_anchor:
                found.append(
                    Problem(
                        position,
                        _("‘Continue with’ names ‘%(anchor)s’, but no step has that anchor.")
                        % {"anchor": node.continue_to},
                        "continue_to",
                    )
                )

    for position, node in enumerate(graph.nodes):
        if node.branch_only and (not node.anchor or node.anchor not in targeted):
            found.append(
                Problem(
                    position,
                    _(
                        "This scene is shown only when a decision leads here, but no decision "
                        "option leads to it. Give it an anchor and choose it under ‘Leads to "
                        "scene’ of an option, or untick ‘Branch only’."
                    ),
                    "branch_only",
                )
            )

    if not found:
        loop = find_loop(graph)
        if loop:
            names = " → ".join(str(_label(graph, position)) for position in loop)
            found.append(
                Problem(
                    None,
                    _(
                        "These steps form a loop: %(steps)s. A decision is answered only "
                        "once, so a learner on this path could never finish. Let the branch "
                        "go on to a later step."
                    )
                    % {"steps": names},
                )
            )
    return found


def find_loop(graph):
    """The positions of a loop a learner could walk into (the first one repeated at the end),
    or None. Walks every state (step, detour return point) reachable by any choices."""
    start = graph.start()
    if start is None:
        return None
    colour = {}  # state -> "open" while on the stack, "done" when every way out is explored
    trail = [(start, None)]
    colour[(start, None)] = "open"
    stack = [((start, None), _successors(graph, start, None))]
    while stack:
        state, successors = stack[-1]
        following = next(successors, None)
        if following is None:
            colour[state] = "done"
            stack.pop()
            trail.pop()
            continue
        if following[0] is None:
            continue
        if colour.get(following) == "open":
            at = trail.index(following)
            return [position for position, _resume in trail[at:]] + [following[0]]
        if following not in colour:
            colour[following] = "open"
            trail.append(following)
            stack.append((following, _successors(graph, *following)))
    return None


def _successors(graph, position, resume):
    node = graph.nodes[position]
    choices = [None]
    if node.kind == "decision":
        choices = list(node.option_texts) or [None]
    seen = set()
    for choice in choices:
        following = graph.successor(position, resume, choice)
        if following not in seen:
            seen.add(following)
            yield following
