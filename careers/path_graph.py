"""The career path as a graph: stages as columns, roles as nodes, next steps as arrows.

`layout()` turns the roles, their next-step links and the article's evidence into coordinates
the template draws as SVG (server-rendered: no JavaScript). Every edge carries its evidence and
says which kind it is, since the guide names only some steps outright:

- NAMED: one passage of the guide names both roles, the first as a role to start in (the
  education step "Experience": "you may want to start in a software engineer, ... role").
- INFERRED: the FAQ lists the career stages in order and names roles at each; an arrow from a
  role at one stage to a role at a later stage follows from that order, not from a sentence
  naming the step.
- UNSOURCED: neither (an editor's link the guide does not back, e.g. within one stage).

`evidence_groups()` gathers the edges by evidence, so a page states each piece of evidence once.
"""

import re
from dataclasses import dataclass, field

from core.text import answer_blocks

# A column lists at most this many roles (those with next steps first), then "N more" linking
# to the filtered list: thousands of roles would make the drawing unreadable.
MAX_NODES_PER_COLUMN = 8
COLUMN_WIDTH = 210
NODE_WIDTH = 176
NODE_HEIGHT = 58
ROW_GAP = 18
TOP = 56
LEFT = 12
LINE_CHARS = 22


@dataclass
class Node:
    role: object
    x: int
    y: int
    lines: list
    next_edges: list = field(default_factory=list)  # its arrows, for the ladder

    width = NODE_WIDTH
    height = NODE_HEIGHT

    @property
    def right(self):
        return self.x + NODE_WIDTH

    @property
    def middle(self):
        return self.y + NODE_HEIGHT // 2

    @property
    def text_x(self):
        return self.x + 10

    @property
    def label_lines(self):
        """(baseline y, text) for each line of the title, centred vertically in the box."""
        first = self.middle - (len(self.lines) - 1) * 8 + 5
        return [(first + index * 16, line) for index, line in enumerate(self.lines)]


@dataclass
class Column:
    label: str
    x: int
    nodes: list = field(default_factory=list)
    more: int = 0
    more_href: str = ""
    more_y: int = 0


NAMED = "named"
INFERRED = "inferred"
UNSOURCED = "unsourced"
# The words shown for each kind of evidence, in the legend, the groups and each arrow's title.
EVIDENCE_LABELS = {
    NAMED: "The guide names this step",
    INFERRED: "Inferred from the FAQ's order of stages",
    UNSOURCED: "The guide does not name this step",
}
EVIDENCE_ORDER = (NAMED, INFERRED, UNSOURCED)


@dataclass
class Evidence:
    kind: str
    text: str  # one arrow's evidence in a sentence (its title on the map)
    record: object = None  # the education step or FAQ entry it rests on, for the citation

    @property
    def label(self):
        return EVIDENCE_LABELS[self.kind]


@dataclass
class Edge:
    source: Node
    target: Node
    evidence: Evidence
    d: str = ""

    @property
    def kind(self):
        return self.evidence.kind


@dataclass
class EvidenceGroup:
    """The arrows resting on one piece of evidence, which the page states once for all."""

    kind: str
    record: object
    edges: list = field(default_factory=list)
    # For an FAQ-order group: (step number, stage) of each stage the FAQ lists, in its order.
    stage_steps: list = field(default_factory=list)

    @property
    def label(self):
        return EVIDENCE_LABELS[self.kind]

    @property
    def rows(self):
        """The edges as few lines as possible: [(source roles, target roles)], each line one
        source with all its targets or one target with all its sources, whichever is fewer."""
        by_source, by_target = {}, {}
        for edge in self.edges:
            source, target = edge.source.role, edge.target.role
            by_source.setdefault(source.pk, ([source], []))[1].append(target)
            by_target.setdefault(target.pk, ([], [target]))[0].append(source)
        return list((by_target if len(by_target) < len(by_source) else by_source).values())


def wrap(text, width=LINE_CHARS):
    """Up to three lines of at most `width` characters, cut at spaces (an ellipsis if longer)."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > 3:
        lines = [*lines[:2], lines[2][: width - 1] + "…"]
    return [line if len(line) <= width else line[: width - 1] + "…" for line in lines]


def faq_steps(entries):
    """{numbered item text: (entry, step number)} over the FAQ answers' numbered lists."""
    steps = {}
    for entry in entries:
        for kind, content in answer_blocks(entry.answer):
            if kind == "ol":
                for number, text in enumerate(content, start=1):
                    steps.setdefault(text.strip(), (entry, number))
    return steps


def _names(text, title):
    return re.search(rf"\b{re.escape(title.lower())}\b", text.lower()) is not None


def names_as_start(body, source_title, target_title):
    """True when the passage names the source as a role to start in ("start in a ... role",
    in one sentence) and names the target too: the guide then names this step itself."""
    if not _names(body, target_title):
        return False
    for sentence in re.split(r"(?<=[.!?])\s+", body):
        _before, found, after = sentence.lower().partition("start in")
        if found and _names(after, source_title):
            return True
    return False


def stage_step(role, steps):
    """(FAQ entry, step number) whose numbered item is the role's stage, or None."""
    stage = role.stage
    description = stage.description.strip() if stage is not None else ""
    return steps.get(description) if description else None


def evidence_for(source_role, target_role, steps, education_steps):
    """The evidence for one next-step edge: a step the guide names, else one the FAQ's order
    of stages implies, else none. Never a step of the FAQ that holds both roles (the same
    stage is no step) or one that runs backwards."""
    for step in education_steps:
        # The passage that names the step, cited to whoever wrote it.
        for passage in step.passages.all():
            if names_as_start(passage.text, source_role.title, target_role.title):
                return Evidence(
                    NAMED,
                    f"Education step “{step.title}”: the guide names {source_role.title} "
                    "as a role to start in.",
                    passage,
                )
    source_step, target_step = stage_step(source_role, steps), stage_step(target_role, steps)
    if source_step and target_step and source_step[0] == target_step[0]:
        entry, (before, after) = source_step[0], (source_step[1], target_step[1])
        if before < after:
            return Evidence(
                INFERRED,
                f"FAQ “{entry.question}” lists {source_role.stage.name} at step {before} "
                f"and {target_role.stage.name} at step {after}; it does not name this step.",
                entry,
            )
    return Evidence(UNSOURCED, "The guide does not say where this step comes from.")


def evidence_groups(edges, stages, steps):
    """The edges grouped by their evidence (kind and record), named steps first; an FAQ-order
    group also lists the stages in the FAQ's order, the evidence itself."""
    groups = {}
    for edge in edges:
        record = edge.evidence.record
        key = (edge.kind, type(record).__name__, getattr(record, "pk", None))
        if key not in groups:
            groups[key] = EvidenceGroup(edge.kind, record)
            if edge.kind == INFERRED:
                groups[key].stage_steps = sorted(
                    (
                        (step[1], stage)
                        for stage in stages
                        if (step := steps.get(stage.description.strip())) and step[0] == record
                    ),
                    key=lambda pair: pair[0],
                )
        groups[key].edges.append(edge)
    return sorted(groups.values(), key=lambda group: EVIDENCE_ORDER.index(group.kind))


GAP = COLUMN_WIDTH - NODE_WIDTH


def _curve(source, target, lane_y, lane=0):
    """The arrow's SVG path. To the next column: a curve through the gap between them. Past
    it: down the gap, along a lane under the columns it passes, up the gap before the target,
    so it never crosses a box. Within a column: a loop through the gap on its right."""
    x1, y1 = source.right, source.middle
    if target.x <= source.x:
        x2, y2 = target.right + 6, target.middle
        reach = max(x1, x2) + GAP - 6
        return f"M{x1},{y1} C{reach},{y1} {reach},{y2} {x2},{y2}"
    x2, y2 = target.x - 6, target.middle
    if target.x - source.x <= COLUMN_WIDTH:
        bend = (x2 - x1) / 2
        return f"M{x1},{y1} C{x1 + bend},{y1} {x2 - bend},{y2} {x2},{y2}"
    # Each lane turns at its own offset in the gaps, so lanes that share a gap stay apart.
    offset = 8 + (lane % 4) * 6
    mid_out, mid_in = x1 + offset, target.x - GAP + offset
    return (
        f"M{x1},{y1} C{mid_out},{y1} {mid_out},{y1} {mid_out},{(y1 + lane_y) / 2} "
        f"L{mid_out},{lane_y} L{mid_in},{lane_y} L{mid_in},{(y2 + lane_y) / 2} "
        f"C{mid_in},{y2} {mid_in},{y2} {x2},{y2}"
    )


def _rows(column):
    return len(column.nodes) + (1 if column.more else 0)


def layout(stages, unstaged_roles, links, faq_entries, education_steps, list_href):
    """The drawing: (columns, edges, groups, width, height).

    `stages` have `published_roles`; `unstaged_roles` are published roles with no stage;
    `links` are (from role id, to role id) pairs between published roles; `list_href(stage)`
    is the role list filtered to a stage, for a column's "N more".
    """
    with_steps = {source for source, _target in links}
    in_graph = with_steps | {target for _source, target in links}
    column_roles = []
    starters = [role for role in unstaged_roles if role.pk in in_graph]
    if starters:
        column_roles.append(("Roles to start in", None, starters))
    column_roles += [(stage.name, stage, list(stage.published_roles)) for stage in stages]

    columns, nodes = [], {}
    for index, (label, stage, roles) in enumerate(column_roles):
        column = Column(label=label, x=LEFT + index * COLUMN_WIDTH)
        roles.sort(key=lambda role: (role.pk not in in_graph, role.title))
        for row, role in enumerate(roles[:MAX_NODES_PER_COLUMN]):
            node = Node(role, column.x, TOP + row * (NODE_HEIGHT + ROW_GAP), wrap(role.title))
            column.nodes.append(node)
            nodes[role.pk] = node
        column.more = max(len(roles) - MAX_NODES_PER_COLUMN, 0)
        if column.more and stage is not None:
            column.more_href = list_href(stage)
        column.more_y = TOP + len(column.nodes) * (NODE_HEIGHT + ROW_GAP) + 14
        columns.append(column)

    steps = faq_steps(faq_entries)
    edges = []
    for source_id, target_id in links:
        source, target = nodes.get(source_id), nodes.get(target_id)
        if source is not None and target is not None:
            evidence = evidence_for(source.role, target.role, steps, education_steps)
            edges.append(Edge(source, target, evidence))
    edges.sort(key=lambda edge: (edge.source.x, edge.source.y, edge.target.x, edge.target.y))
    for edge in edges:
        edge.source.next_edges.append(edge)
    groups = evidence_groups(
        edges, [stage for _label, stage, _roles in column_roles if stage], steps
    )

    rows = max((_rows(column) for column in columns), default=0)
    bottom = TOP + rows * (NODE_HEIGHT + ROW_GAP)
    lanes = 0
    for edge in edges:
        # Each long edge gets its own lane under the columns it passes, 8 px apart.
        passed = [c for c in columns if edge.source.x < c.x < edge.target.x]
        lane_y = TOP + max((_rows(c) for c in passed), default=0) * (NODE_HEIGHT + ROW_GAP)
        if passed:
            lane_y += lanes * 8
            bottom = max(bottom, lane_y + ROW_GAP)
        edge.d = _curve(edge.source, edge.target, lane_y, lanes)
        lanes += 1 if passed else 0

    width = LEFT * 2 + len(columns) * COLUMN_WIDTH
    return columns, edges, groups, width, bottom + 12
