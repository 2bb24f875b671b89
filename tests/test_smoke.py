"""Walk the whole public site on the article's data: every page renders, links reach every page."""

import re
from collections import deque
from unittest import mock

import pytest
from django.urls import reverse

from careers.models import Company, Role, Skill
from careers.views import HomeView
from tests.page_parsing import parse, same_site_paths, visitor_text

pytestmark = pytest.mark.django_db

STATIC_PAGES = [
    "careers:home",
    "careers:role_list",
    "careers:skill_list",
    "careers:company_list",
    "careers:outlook",
    "careers:path",
    "careers:about",
    "faq:list",
    "careers:area_picker",
]


def detail_urls():
    return (
        [role.get_absolute_url() for role in Role.objects.published()]
        + [reverse("careers:skill_detail", args=[s.slug]) for s in Skill.objects.all()]
        + [reverse("careers:company_detail", args=[c.slug]) for c in Company.objects.all()]
    )


def pay_urls():
    """Each role's pay-by-location page (linked from the role page once that links to it; so
    far only the sitemap lists them), the one without an official occupation included."""
    return [reverse("careers:role_pay", args=[role.slug]) for role in Role.objects.published()]


def assert_is_page(response, url):
    assert response.status_code == 200, url
    page = parse(response)
    assert page.count("h1") == 1, f"{url} has {page.count('h1')} <h1>"
    assert page.title.strip(), f"{url} has no <title>"
    assert page.meta.get("description", "").strip(), f"{url} has no meta description"
    for landmark in ("header", "nav", "main", "footer"):
        assert page.count(landmark) >= 1, f"{url} has no <{landmark}>"


def test_every_page_and_every_detail_page_renders(article_data, client):
    urls = [reverse(name) for name in STATIC_PAGES] + detail_urls() + pay_urls()
    # The article's data: 14 roles, 14 skills and 26 companies at least.
    assert len(urls) >= 8 + 14 + 14 + 26
    for url in urls:
        assert_is_page(client.get(url), url)


# States of the role list and the FAQ that show other text: errors, an empty result, a search.
PAGE_STATES = [
    "/careers/?pay_min=lots&pay_max=-5&sort=bogus",
    "/careers/?stage=entry-level&company=amazon",
    "/careers/?q=linguist&skill=deep-learning",
    "/faq/?q=paying",
    "/faq/?q=nothing-matches-this",
    "/careers/?basis=bls&area=CA&sort=-pay",
    "/careers/?basis=bls&area=DC",
    "/areas/?find=ca",
]


def test_no_page_calls_the_source_the_article(official_data, client):
    """Visitors never read the site's internal name for its source ("the article"): /about/
    says what the data are. Every public page of the smoke walk, its 404 and list states, with
    official pay loaded so its panels show too."""
    urls = [reverse(name) for name in STATIC_PAGES] + detail_urls() + PAGE_STATES
    found = {}
    for url in [*urls, "/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        words = re.findall(r"[^.]*\barticles?\b[^.]*", visitor_text(response), re.IGNORECASE)
        if words:
            found[url] = words
    assert not found, found


def test_about_page_explains_the_data_and_every_citation_links_to_it(article_data, client):
    about = reverse("careers:about")
    text = visitor_text(client.get(about))
    for heading in ("Where the data come from", "How figures are dated", "What “no data” means"):
        assert heading in text
    assert "Want to Work in Machine Learning? [2025 Career & Industry Guide]" in text
    assert "Bureau of Labor Statistics" in text
    # Each source is listed once, with its note (the report dated by its title).
    assert "the year in the report’s title" in text
    for url in ["/", "/outlook/", "/careers/machine-learning-engineer/", "/path/"]:
        page = parse(client.get(url))
        citations = [a for tag, a in page.tags if tag == "span" and a.get("class") == "citation"]
        assert citations, url
        assert page.links.count(f"{about}#sources") >= len(citations), url
    assert about in parse(client.get("/")).links


@pytest.mark.parametrize(
    "url",
    [
        "/careers/no-such-role/",
        "/skills/no-such-skill/",
        "/companies/no-such-company/",
        "/no-such-page/",
    ],
)
def test_unknown_addresses_get_the_sites_404_page(article_data, client, url):
    response = client.get(url)
    assert response.status_code == 404
    page = parse(response)
    assert ("div", {"class": "error-page", "data-error": "404"}) in page.tags
    assert page.count("h1") == 1
    assert "/" in same_site_paths(url, page.links)  # a way back home
    # A search box and the main ways on.
    assert (
        "form",
        {
            "class": "home-search",
            "method": "get",
            "action": "/careers/",
            "role": "search",
            "aria-label": "Roles",
        },
    ) in page.tags
    assert {"/careers/", "/skills/", "/path/", "/companies/", "/faq/", "/about/"} <= set(page.links)


def test_unpublished_role_is_a_404(article_data, client):
    role = Role.objects.get(slug="machine-learning-engineer")
    role.is_published = False
    role.save()
    assert client.get(role.get_absolute_url()).status_code == 404


def test_sitemap_lists_every_public_page(article_data, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    for url in [reverse(name) for name in STATIC_PAGES] + detail_urls():
        assert f"<loc>http://testserver{url}</loc>" in body, url


def test_sitemap_leaves_out_unpublished_roles(article_data, client):
    Role.objects.filter(slug="head-of-ai").update(is_published=False)
    body = client.get("/sitemap.xml").content.decode()
    assert "/careers/head-of-ai/" not in body
    assert "/careers/machine-learning-engineer/" in body


def test_robots_allows_all_but_admin_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_every_page_is_reachable_from_home_by_links_alone(article_data, client):
    seen = {"/"}
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, (
            f"{url} (linked from the site) answered {response.status_code}"
        )
        if not response["Content-Type"].startswith("text/html"):
            continue
        for link in same_site_paths(url, parse(response).links):
            # Filter and page links multiply without reaching new pages: crawl addresses only.
            path = link.split("?")[0]
            if path.startswith(("/admin/", "/static/")) or path in seen:
                continue
            seen.add(path)
            queue.append(path)

    paths = seen
    for required in (
        "/careers/",
        "/skills/",
        "/companies/",
        "/faq/",
        "/outlook/",
        "/path/",
        "/about/",
    ):
        assert required in paths
    assert "/careers/machine-learning-engineer/" in paths
    assert any(p.startswith("/skills/") and p != "/skills/" for p in paths)
    assert any(p.startswith("/companies/") and p != "/companies/" for p in paths)
    # Every role, skill and company page is linked from somewhere.
    assert set(detail_urls()) <= paths


def test_a_crash_gets_the_sites_500_page(client):
    client.raise_request_exception = False
    with mock.patch.object(HomeView, "get_context_data", side_effect=RuntimeError("boom")):
        response = client.get("/")
    assert response.status_code == 500
    page = parse(response)
    assert ("div", {"class": "error-page", "data-error": "500"}) in page.tags
    assert page.count("h1") == 1
    assert "boom" not in response.content.decode()


def test_robots_keeps_crawlers_off_the_downloads_and_the_api(client):
    # Every filter combination is a distinct, uncached download: no crawler should walk them.
    lines = client.get("/robots.txt").content.decode().splitlines()
    for path in ("/careers/export.csv", "/faq/export.csv", "/api/"):
        assert f"Disallow: {path}" in lines
