"""/faq/export.csv: the FAQ page's entries for the same search, as CSV."""

import csv
import io

from django.urls import reverse

URL = reverse("faq:export")


def test_exports_the_entries_the_search_finds(client, article_data):
    response = client.get(URL, {"q": "paying"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["slug"] for row in rows] == ["is-machine-learning-high-paying"]
    assert rows[0]["source"] == "Want to Work in Machine Learning? [2025 Career & Industry Guide]"
    assert rows[0]["roles"] == "Machine Learning Engineer"


def test_an_invalid_search_is_a_400_with_a_plain_text_reason(client, article_data):
    response = client.get(URL, {"q": "x" * 101})
    assert response.status_code == 400
    assert response.content.decode().startswith("This search cannot be exported:\nq: ")


def test_the_faq_page_links_to_its_export_with_the_search(client, article_data):
    html = client.get(reverse("faq:list"), {"q": "paying"}).content.decode()
    assert f'href="{URL}?q=paying"' in html
