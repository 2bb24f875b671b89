"""The career path as a graph: stages as columns, roles as nodes, next steps as arrows.

`layout()` turns the roles, their next-step links and the article's evidence into coordinates
the template draws as SVG (server-rendered: no JavaScript). Every edge carries where the
article says so: the FAQ's numbered step that names the stage it leads to, or, for a role the
article gives no stage, the education step that names the role as a place to start.
"""

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


@dataclass
class Edge:
    source: Node
    target: Node
    evidence: str
    evidence_source: object  # the FAQ entry or education step passage quoted, for its citation
    d: str = ""


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


def evidence_for(source_role, target_role, steps, education_steps):
    """(what the article says, the record it says it in) for one next-step edge."""
    if source_role.stage_id is None:
        # A role the article gives no stage is on the path only as a place to start.
        title = source_role.title.lower()
        for step in education_steps:
            # The passage that names the role, cited to whoever wrote it.
            for passage in step.passages.all():
                if title in passage.text.lower():
                    return (
                        f"Education step “{step.title}”: the guide names {source_role.title} "
                        "as a role to start in.",
                        passage,
                    )
    stage = target_role.stage
    description = stage.description.strip() if stage is not None else ""
    if description in steps:
        entry, number = steps[description]
        return f"FAQ “{entry.question}”, step {number}: {description}", entry
    return "", None


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
    """The drawing: (columns, edges, width, height).

    `stages` have `published_roles`; `unstaged_roles` are published roles with no stage;
    `links` are (from role id, to role id) pairs between published roles; `list_href(stage)`
    is the role list filtered to a stage, for a column's "N more".
    """
    with_steps = {source for source, _target in links}
    in_graph = with_steps | {target for _source, target in links}
    groups = []
    starters = [role for role in unstaged_roles if role.pk in in_graph]
    if starters:
        groups.append(("Roles to start in", None, starters))
    groups += [(stage.name, stage, list(stage.published_roles)) for stage in stages]

    columns, nodes = [], {}
    for index, (label, stage, roles) in enumerate(groups):
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
            text, record = evidence_for(source.role, target.role, steps, education_steps)
            edges.append(Edge(source, target, text, record))
    edges.sort(key=lambda edge: (edge.source.x, edge.source.y, edge.target.x, edge.target.y))

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
    return columns, edges, width, bottom + 12
