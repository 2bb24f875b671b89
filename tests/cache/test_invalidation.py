"""Any content change shows on the very next request: admin edits, commands, migrations.

These tests commit for real (transactional_db), because the content version is replaced only
when a transaction commits, as in production.
"""

from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from careerguide import cache as page_cache
from careers.models import Company, Role, Salary, Skill
from faq.models import FaqEntry
from tests.official.oews_file import default_cells, figures, write_release

from .conftest import content_version
from .forms import as_post_data, form_fields

pytestmark = pytest.mark.django_db(transaction=True)

ROLE_SLUG = "machine-learning-engineer"
ROLE_PAGE = f"/careers/{ROLE_SLUG}/"
ROLE_LIST = "/careers/"


@pytest.fixture
def site(page_cache_on):
    call_command("load_initial_data", verbosity=0)
    return page_cache_on


@pytest.fixture
def owner(site, editor_client):
    return editor_client


def warm(*urls):
    """Visit each page until it is served from the cache."""
    for url in urls:
        Client().get(url)
        assert Client().get(url)["X-Cache"] == "hit", url


def fresh(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    assert response["X-Cache"] == "miss", f"{url} was served from the cache after a change"
    return response.content.decode()


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def admin_save(client, obj, changes):
    """Submit obj's admin change form as the editor would, with some fields changed."""
    url = change_url(obj)
    page = client.get(url)
    assert page.status_code == 200
    fields = form_fields(page.content.decode(), f"{obj._meta.model_name}_form")
    response = client.post(url, as_post_data(fields, changes))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_title_changed_in_the_admin_shows_at_once(owner):
    warm(ROLE_PAGE, ROLE_LIST)
    role = Role.objects.get(slug=ROLE_SLUG)
    admin_save(owner, role, {"title": "Machine Learning Engineer (renamed)"})
    assert "Machine Learning Engineer (renamed)" in fresh(ROLE_PAGE)
    assert "Machine Learning Engineer (renamed)" in fresh(ROLE_LIST)


# The article gives this role one pay figure, so it is the one the pages show.
ONE_SALARY_ROLE = "data-scientist"


def test_a_salary_changed_inline_on_the_role_shows_at_once(owner):
    page = f"/careers/{ONE_SALARY_ROLE}/"
    warm(page, ROLE_LIST)
    role = Role.objects.get(slug=ONE_SALARY_ROLE)
    assert role.salaries.get().median != 234_567
    admin_save(owner, role, {"salaries-0-median": "234567"})
    assert "234,567" in fresh(page)
    assert "234,567" in fresh(ROLE_LIST)


def test_a_salary_changed_on_its_own_page_shows_at_once(owner):
    page = f"/careers/{ONE_SALARY_ROLE}/"
    warm(page)
    salary = Salary.objects.get(role__slug=ONE_SALARY_ROLE)
    admin_save(owner, salary, {"median": "$201,234"})
    assert "201,234" in fresh(page)


def test_a_skill_added_inline_shows_at_once(owner):
    role = Role.objects.get(slug=ROLE_SLUG)
    # The role has every skill of the guide's list already, and the rest are named for every
    # role (never linked to one): link a new one.
    skill = Skill.objects.create(
        slug="inline-test-skill", name="Inline test skill", kind="technical"
    )
    assert skill.name not in Client().get(ROLE_PAGE).content.decode()
    warm(ROLE_PAGE)
    total = role.role_skills.count()
    admin_save(
        owner,
        role,
        {
            "role_skills-TOTAL_FORMS": str(total + 1),
            f"role_skills-{total}-skill": str(skill.pk),
            f"role_skills-{total}-importance": "1",
        },
    )
    assert role.role_skills.filter(skill=skill).exists()
    assert skill.name in fresh(ROLE_PAGE)


def test_a_hiring_company_linked_in_the_admin_shows_at_once(owner):
    role = Role.objects.get(slug=ROLE_SLUG)
    company = Company.objects.exclude(roles=role).order_by("pk").first()
    assert company.name not in Client().get(ROLE_PAGE).content.decode()
    warm(ROLE_PAGE)
    linked = [str(pk) for pk in role.hiring_companies.values_list("pk", flat=True)]
    admin_save(owner, role, {"hiring_companies": [*linked, str(company.pk)]})
    assert company.name in fresh(ROLE_PAGE)


def test_a_hiring_company_unlinked_in_the_admin_goes_at_once(owner):
    role = Role.objects.get(slug=ROLE_SLUG)
    company = role.hiring_companies.order_by("pk").first()
    warm(ROLE_PAGE)
    admin_save(owner, role, {"hiring_companies": []})
    assert not role.hiring_companies.exists()
    assert company.name not in fresh(ROLE_PAGE)


def test_a_role_deleted_in_the_admin_goes_at_once(owner):
    role = Role.objects.get(slug="data-analyst")
    warm(ROLE_LIST, "/careers/data-analyst/")
    url = reverse("admin:careers_role_delete", args=[role.pk])
    assert owner.post(url, {"post": "yes"}).status_code == 302
    assert "Data Analyst" not in fresh(ROLE_LIST)
    response = Client().get("/careers/data-analyst/")
    assert response.status_code == 404
    assert response["X-Cache"] == "miss"


def test_a_faq_answer_changed_in_the_admin_shows_at_once(owner):
    warm("/faq/")
    entry = FaqEntry.objects.order_by("pk").first()
    admin_save(owner, entry, {"question": "A question asked in a new way?"})
    assert "A question asked in a new way?" in fresh("/faq/")


def test_an_edit_rolled_back_keeps_the_cache(site):
    warm(ROLE_PAGE)
    before = content_version()
    role = Role.objects.get(slug=ROLE_SLUG)
    with pytest.raises(RuntimeError), transaction.atomic():
        role.title = "Never saved"
        role.save()
        raise RuntimeError("the editor's request failed")
    assert content_version() == before
    assert Client().get(ROLE_PAGE)["X-Cache"] == "hit"


def test_a_savepoint_rolled_back_keeps_the_outer_edit_s_bump(site):
    before = content_version()
    role = Role.objects.get(slug=ROLE_SLUG)
    with transaction.atomic():
        role.save()
        with pytest.raises(RuntimeError), transaction.atomic():
            role.save()
            raise RuntimeError("an inline failed")
    assert content_version() != before


def test_an_edit_after_a_savepoint_rolled_back_still_bumps(site):
    """The savepoint's change registered the bump first and took it with it when rolled back;
    the change that stays registers its own."""
    before = content_version()
    role = Role.objects.get(slug=ROLE_SLUG)
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            role.save()
            raise RuntimeError("an inline failed")
        assert content_version() == before
        role.save()
    assert content_version() != before


def test_the_transaction_after_one_rolled_back_bumps(site):
    before = content_version()
    role = Role.objects.get(slug=ROLE_SLUG)
    with pytest.raises(RuntimeError), transaction.atomic():
        role.save()
        raise RuntimeError("the editor's request failed")
    assert content_version() == before
    with transaction.atomic():
        role.save()
    assert content_version() != before


def test_one_bump_per_transaction(site):
    skills = list(Skill.objects.order_by("pk")[:5])
    roles = list(Role.objects.order_by("pk")[:5])
    with mock.patch("careerguide.cache.bump_content_version") as bump:
        with transaction.atomic():
            for skill in skills:
                skill.save()
            FaqEntry.objects.order_by("pk").first().related_roles.add(*roles)
        assert bump.call_count == 1


def test_the_version_moves_once_the_recomputed_median_is_in(site):
    """A salary write recomputes its role's stored median in its own transaction, so the one
    bump at commit already sees the new figure: no page is cached with the old one under it."""
    role = Role.objects.get(slug="machine-learning-engineer")
    before = role.median_pay
    stored = []
    with (
        mock.patch(
            "careerguide.cache.bump_content_version",
            side_effect=lambda: stored.append(Role.objects.get(pk=role.pk).median_pay),
        ),
        transaction.atomic(),
    ):
        salary = Salary.objects.get(role=role, median=before)
        salary.median += 1
        salary.save()
    assert stored == [before + 1]


def content_models():
    return [
        model
        for label in ("core", "careers", "faq")
        for model in apps.get_app_config(label).get_models()
    ]


@pytest.mark.parametrize("model", content_models(), ids=lambda model: model._meta.label)
def test_saving_any_content_model_bumps_the_version(site, model):
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the article's data has no {model._meta.label}"
    before = content_version()
    obj.save()
    assert content_version() != before


@pytest.mark.parametrize("model", [Role, Salary, FaqEntry], ids=lambda model: model.__name__)
def test_deleting_content_bumps_the_version(site, model):
    before = content_version()
    model.objects.order_by("pk").first().delete()
    assert content_version() != before


@pytest.mark.parametrize("action", ["add", "remove", "clear"])
def test_many_to_many_changes_bump_the_version(site, action):
    entry = FaqEntry.objects.order_by("pk").first()
    role = Role.objects.get(slug=ROLE_SLUG)
    entry.related_roles.add(role)
    before = content_version()
    if action == "add":
        entry.related_roles.add(Role.objects.exclude(pk=role.pk).first())
    elif action == "remove":
        entry.related_roles.remove(role)
    else:
        entry.related_roles.clear()
    assert content_version() != before


def test_load_initial_data_bumps_the_version(site):
    warm(ROLE_PAGE)
    Role.objects.filter(slug=ROLE_SLUG).update(title="Edited behind the cache's back")
    call_command("load_initial_data", verbosity=0)
    assert "Machine Learning Engineer" in fresh(ROLE_PAGE)


def test_generate_synthetic_roles_bumps_the_version(site):
    warm(ROLE_LIST + "?q=synthetic")
    assert "Synthetic" not in Client().get(ROLE_LIST + "?q=synthetic").content.decode()
    with mock.patch(
        "careerguide.cache.bump_content_version", wraps=page_cache.bump_content_version
    ) as bump:
        call_command("generate_synthetic_roles", 3, verbosity=0)
    # One: the command stores the new roles' medians before it announces the change.
    assert bump.call_count == 1
    assert "Synthetic" in fresh(ROLE_LIST + "?q=synthetic")


def test_generate_synthetic_roles_delete_bumps_the_version(site):
    call_command("generate_synthetic_roles", 3, verbosity=0)
    warm(ROLE_LIST + "?q=synthetic")
    call_command("generate_synthetic_roles", delete=True, verbosity=0)
    assert "Synthetic" not in fresh(ROLE_LIST + "?q=synthetic")


def test_migrate_bumps_the_version(site):
    before = content_version()
    call_command("migrate", verbosity=0)
    assert content_version() != before


def test_import_oews_shows_new_official_figures_at_once(site, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    call_command("import_oews", str(write_release(tmp_path / "a")), verbosity=0)
    official_list = ROLE_LIST + "?basis=bls&area=CA"
    warm(ROLE_PAGE, official_list)
    cells = default_cells() | {"OEUN0000000000000151252": figures(median="133333")}
    cells["OEUS0600000000000151252"] = figures(median="144444")
    call_command("import_oews", str(write_release(tmp_path / "b", cells=cells)), verbosity=0)
    assert "$133,333" in fresh(ROLE_PAGE)
    assert "$144,444" in fresh(official_list)


def test_a_second_identical_import_keeps_the_cache(site, tmp_path):
    release = write_release(tmp_path)
    call_command("import_oews", str(release), verbosity=0)
    warm(ROLE_PAGE)
    before = content_version()
    call_command("import_oews", str(release), verbosity=0)
    assert content_version() == before
    assert Client().get(ROLE_PAGE)["X-Cache"] == "hit"
