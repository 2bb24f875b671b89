"""careerguide.links.link() gives what reverse() gives, for every public URL name."""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse, set_script_prefix

from careerguide.links import link

SLUG_NAMES = ["careers:role_detail", "careers:skill_detail", "careers:company_detail"]
PLAIN_NAMES = [
    "careers:home",
    "careers:role_list",
    "careers:skill_list",
    "careers:company_list",
    "careers:path",
    "careers:outlook",
    "faq:list",
    "healthz",
    "robots",
]


@pytest.mark.parametrize("name", PLAIN_NAMES)
def test_plain_links_match_reverse(name):
    assert link(name) == reverse(name)


@pytest.mark.parametrize("name", SLUG_NAMES)
@pytest.mark.parametrize("slug", ["machine-learning-engineer", "python", "a", "C_plus-plus-2"])
def test_slug_links_match_reverse(name, slug):
    assert link(name, slug) == reverse(name, args=[slug])


@pytest.mark.parametrize("slug", ["", "has space", "ünïcode", "../admin", "a/b", "x?y=1"])
def test_a_value_the_slug_pattern_refuses_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        link("careers:role_detail", slug)


def test_unknown_names_fail_like_reverse():
    with pytest.raises(NoReverseMatch):
        link("careers:nope")


def test_links_follow_the_script_prefix():
    """Served under a sub-path (SCRIPT_NAME), links carry it, as reverse() does."""
    try:
        set_script_prefix("/guide/")
        assert link("careers:role_detail", "data-scientist") == "/guide/careers/data-scientist/"
        assert link("careers:home") == "/guide/"
    finally:
        set_script_prefix("/")
    assert link("careers:home") == "/"


def test_every_slug_name_tested_is_a_real_pattern():
    names = {n for n in get_resolver("careers.urls").reverse_dict if isinstance(n, str)}
    assert {name.split(":")[1] for name in SLUG_NAMES} <= names
