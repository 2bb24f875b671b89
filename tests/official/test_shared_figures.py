"""Issue 19 item 2: roles mapped to one official occupation show its one figure, and every place
that lists them side by side says so instead of implying a ranking.

With the fixtures' mapping, Software Developers (15-1252) is the official occupation of four
published roles (Machine Learning Engineer and its senior step, Software Engineer, Software
Developer), Data Scientists (15-2051) of four, Computer and Information Research Scientists
(15-1221) of three, and Head of AI alone has 11-3021.
"""

import csv
import io
import re

import pytest
from django.urls import reverse

from careers.models import Role

pytestmark = pytest.mark.usefixtures("official_data")

SOFTWARE = "Same official figure for 4 roles: Software Developers"
RESEARCH = "Same official figure for 3 roles: Computer and Information Research Scientists"


def list_rows(client, **params):
    response = client.get(reverse("careers:role_list"), params)
    assert response.status_code == 200
    html = response.content.decode()
    return dict(
        re.findall(
            r'<li class="role-row">\s*<article aria-labelledby="role-([\w-]+)">(.*?)</article>',
            html,
            re.S,
        )
    )


def test_the_list_on_the_official_basis_says_which_roles_share_a_figure(client):
    rows = list_rows(client, basis="bls", area="CA", sort="-pay")
    for slug in (
        "machine-learning-engineer",
        "senior-machine-learning-engineer",
        "software-engineer",
    ):
        assert SOFTWARE in rows[slug], slug
    for slug in ("ai-research-scientist", "nlp-scientist", "computational-linguist"):
        assert RESEARCH in rows[slug], slug
    assert "Same official figure" not in rows["head-of-ai"]
    assert "Same official figure" not in rows["computer-engineer"]


def test_the_count_is_of_published_roles(client):
    Role.objects.filter(slug="software-engineer").update(is_published=False)
    rows = list_rows(client, basis="bls")
    assert (
        "Same official figure for 3 roles: Software Developers" in rows["machine-learning-engineer"]
    )


def test_compare_says_so_in_each_column(client):
    response = client.get(
        reverse("careers:compare"),
        {"role": ["machine-learning-engineer", "software-developer", "head-of-ai"]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    official_row = re.search(
        r"Official median pay \(BLS, United States\).*?</tr>", html, re.S
    ).group(0)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", official_row, re.S)
    assert SOFTWARE in cells[0] and SOFTWARE in cells[1]
    assert "Same official figure" not in cells[2]


def test_match_says_so(client):
    response = client.get(reverse("careers:match"), {"have": "deep-learning"})
    assert response.status_code == 200
    assert SOFTWARE in response.content.decode()


def test_the_csv_counts_the_roles_sharing(client):
    response = client.get(reverse("careers:role_export"), {"basis": "bls"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["machine-learning-engineer"]["official_roles_sharing"] == "4"
    assert rows["data-analyst"]["official_roles_sharing"] == "4"
    assert rows["nlp-scientist"]["official_roles_sharing"] == "3"
    assert rows["head-of-ai"]["official_roles_sharing"] == "1"
    assert rows["computer-engineer"]["official_roles_sharing"] == ""


def test_the_api_list_and_detail_count_the_roles_sharing(client):
    listed = client.get("/api/v1/roles/", {"sort": "title"}).json()["results"]
    sharing = {role["slug"]: role["official_roles_sharing"] for role in listed}
    assert sharing["machine-learning-engineer"] == 4
    assert sharing["head-of-ai"] == 1
    assert sharing["computer-engineer"] is None
    detail = client.get("/api/v1/roles/computational-linguist/").json()
    assert detail["official_roles_sharing"] == 3


def test_the_schema_documents_the_field(client):
    schema = client.get("/api/v1/schema/").json()
    for name in ("Role", "RoleDetail"):
        field = schema["components"]["schemas"][name]["properties"]["official_roles_sharing"]
        assert field["type"] == "integer" and field["nullable"] is True
        assert "same official" in field["description"]
