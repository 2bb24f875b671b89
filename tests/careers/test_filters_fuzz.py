"""Property tests: no query string, however malformed, makes the role list or a role page fail.

Raw query strings go through QUERY_STRING untouched, so broken percent-encoding, stray bytes,
NUL, overlong UTF-8 and encoded surrogates reach Django's parser exactly as a client sent them.
The only acceptable answers are 200 (page, maybe with form errors), 400 (too many fields) and
404 (no such page of results or role).
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from careers.filters import PAY_LIMIT
from tests.official.oews_file import write_release

URL = reverse("careers:role_list")
# Skill.for_all_roles in the article's data: the soft skills and the FAQ's languages.
GENERAL_SKILLS = {
    "python",
    "r",
    "teamwork",
    "good-communication",
    "organization",
    "strong-work-ethic",
}
PARAMS = [
    "q",
    "basis",
    "area",
    "pay_min",
    "pay_max",
    "skill",
    "stage",
    "company",
    "education",
    "sort",
    "page",
]
ALLOWED = {200, 400, 404}
KNOWN_SLUGS = [
    "bachelors-degree",
    "analytical-skills",
    "deep-learning",
    "python",
    "teamwork",
    "entry-level",
    "leadership",
    "amazon",
    "tiktok",
    "machine-learning-engineer",
    "bls",
    "guide",
    "US",
    "ca",
    "41860",
    "0600001",
]

fuzz = hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

numbers = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats().map(lambda f: f"{f:e}"),
    st.integers(min_value=0, max_value=2**64).map(hex),
    st.from_regex(r"\A[+-]?[0-9]{0,30}([.,][0-9]{0,10})?([eE][+-]?[0-9]{1,5})?\Z"),
    st.sampled_from(
        [
            "NaN",
            "nan",
            "-nan",
            "Infinity",
            "-Infinity",
            "inf",
            "1e309",
            "-1e309",
            "1e-309",
            "0x10",
            "0o17",
            "0b101",
            "1_000",
            "١٢٣",
            "１２３",
            "Ⅻ",
            "²",
            "+5",
            "-0",
            "00001",
            "9" * 5000,
            "$",
            "$,",
            ",000",
            "1,0000",
            " ",
            "\t7\n",
            str(PAY_LIMIT),
            str(PAY_LIMIT + 1),
        ]
    ),
)
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=210),
    st.sampled_from(["", " ", "\x00", "a\x00b", "%", "_", "\\", "'", '"', "--", "☃", "\ufffd"]),
)
slugs = st.one_of(
    st.sampled_from(KNOWN_SLUGS),
    st.from_regex(r"\A[a-z0-9-]{0,130}\Z"),
    st.sampled_from(["-pay", "pay", "title", "-title", "last", "1", "2", "999"]),
)
values = st.one_of(numbers, texts, slugs)


def _text_bytes(value, how):
    if how == "latin-1":
        # What a legacy client sends: one byte per character, invalid as UTF-8 above 0x7f.
        return value.encode("latin-1", "ignore")
    return value.encode("utf-8", "surrogatepass")


raw_values = st.one_of(
    st.builds(_text_bytes, values, st.sampled_from(["utf-8", "latin-1"])),
    st.binary(max_size=200),
    # Encoded lone surrogate, overlong NUL and truncated sequences: invalid UTF-8.
    st.sampled_from([b"\xed\xa0\x80", b"\xc0\x80", b"\xe2\x82", b"\xff\xfe", b"%", b"%zz", b"%0"]),
)
names = st.one_of(
    st.sampled_from(PARAMS), st.text(max_size=20).map(str.encode), st.binary(max_size=10)
)


def _name_bytes(name):
    return name.encode() if isinstance(name, str) else name


@st.composite
def query_strings(draw):
    """A raw query string: pairs percent-encoded properly, or raw bytes, or both, joined by & or ;."""
    pairs = draw(st.lists(st.tuples(names, raw_values, st.booleans()), max_size=25))
    parts = []
    for name, value, encode in pairs:
        name = _name_bytes(name)
        if encode:
            parts.append(quote_from_bytes(name, safe="") + "=" + quote_from_bytes(value, safe=""))
        else:
            parts.append((name + b"=" + value).decode("latin-1"))
    separator = draw(st.sampled_from(["&", "&", "&&", ";"]))
    # WSGI servers hand the query string over as latin-1 decoded bytes.
    return separator.join(parts)


def get(client, path, raw):
    response = client.get(path, QUERY_STRING=raw)
    assert response.status_code in ALLOWED, (raw[:300], response.status_code)
    return response


@pytest.fixture
def site(article_data, tmp_path):
    # Thirty extra roles give the list a second page to paginate into; a small official
    # release gives `basis=bls&area=...` areas to find.
    call_command("generate_synthetic_roles", "30", verbosity=0)
    call_command("import_oews", str(write_release(tmp_path)), verbosity=0)


@hypothesis_settings(fuzz, max_examples=200)
@given(raw=query_strings())
def test_any_raw_query_string_gets_200_400_or_404(client, site, raw):
    get(client, URL, raw)


@fuzz
@given(
    params=st.lists(
        st.tuples(st.sampled_from(PARAMS), st.one_of(numbers, texts, slugs)), max_size=12
    )
)
def test_well_encoded_values_of_any_kind_in_every_parameter(client, site, params):
    raw = "&".join(f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'))}" for k, v in params)
    response = get(client, URL, raw)
    if response.status_code == 200:
        form = response.context["filter"].form
        if form.errors:
            # A form error lists nothing rather than a guess.
            assert list(response.context["roles"]) == []


@hypothesis_settings(fuzz, max_examples=80)
@given(param=st.sampled_from(["pay_min", "pay_max"]), value=numbers)
def test_pay_bounds_are_whole_dollars_in_range_or_a_form_error(client, site, param, value):
    response = get(client, URL, f"{param}={quote(value)}")
    assert response.status_code == 200
    errors = response.context["filter"].form.errors
    text = value.strip()
    if not text:
        assert not errors
    elif text.isascii() and text.isdigit():
        if len(text) > 15 or int(text) > PAY_LIMIT:
            assert param in errors
        else:
            assert not errors
            bound = int(text)
            for role in response.context["roles"]:
                assert role.median_pay is not None
                assert role.median_pay >= bound if param == "pay_min" else role.median_pay <= bound
    elif not text.isascii() or any(c in text.lower() for c in ".e+-x_on"):
        # Decimals, exponents, signs, hex/octal/binary, NaN, Infinity, non-ASCII digits.
        assert param in errors
        assert list(response.context["roles"]) == []


@hypothesis_settings(fuzz, max_examples=60)
@given(
    pay_min=st.none() | st.integers(0, 300_000),
    pay_max=st.none() | st.integers(0, 300_000),
    skills=st.lists(st.sampled_from(["deep-learning", "python", "teamwork", "programming"])),
    sort=st.sampled_from(["", "pay", "-pay", "title", "-title", "growth", "-growth"]),
    q=st.sampled_from(["", "data", "learning", "synthetic engineer", "zzz"]),
)
def test_valid_filters_list_only_matching_roles_once_in_order(
    client, site, pay_min, pay_max, skills, sort, q
):
    params = {"pay_min": pay_min, "pay_max": pay_max, "skill": skills, "sort": sort, "q": q}
    params = {k: v for k, v in params.items() if v not in (None, "", [])}
    response = client.get(URL, params)
    assert response.status_code == 200
    if pay_min is not None and pay_max is not None and pay_min > pay_max:
        assert "Minimum pay is above maximum pay." in response.text
        return
    roles = list(response.context["roles"])
    assert len({r.pk for r in roles}) == len(roles)
    for role in roles:
        if pay_min is not None:
            assert role.median_pay is not None and role.median_pay >= pay_min
        if pay_max is not None:
            assert role.median_pay is not None and role.median_pay <= pay_max
        # Skills named for every role (python, teamwork) keep every role.
        specific = {slug for slug in skills if slug not in GENERAL_SKILLS}
        assert specific <= {rs.skill.slug for rs in role.role_skills.all()}
    key = (sort or "-pay").lstrip("-")
    descending = (sort or "-pay").startswith("-")
    if key == "title":
        titles = [r.title for r in roles]
        assert titles == sorted(titles, reverse=descending)
    elif key == "growth":
        grown = [r.outlook_change_percent for r in roles if r.outlook_change_percent is not None]
        assert grown == sorted(grown, reverse=descending)
        # Roles without a projection come after every role with one.
        firsts = [r.outlook_change_percent is None for r in roles]
        assert firsts == sorted(firsts)
    else:
        paid = [r.median_pay for r in roles if r.median_pay is not None]
        assert paid == sorted(paid, reverse=descending)
        # Roles without pay come after every role with pay.
        firsts = [r.median_pay is None for r in roles]
        assert firsts == sorted(firsts)


@hypothesis_settings(fuzz, max_examples=60)
@given(
    area=st.sampled_from(["", "US", "ca", "DC", "PR", "41860", "47900", "0600001"]),
    pay_min=st.none() | st.integers(0, 300_000),
    pay_max=st.none() | st.integers(0, 300_000),
    sort=st.sampled_from(["", "pay", "-pay", "title"]),
)
def test_official_basis_bounds_and_sorts_hold_for_the_official_median(
    client, site, area, pay_min, pay_max, sort
):
    params = {"basis": "bls", "area": area, "pay_min": pay_min, "pay_max": pay_max, "sort": sort}
    response = client.get(URL, {k: v for k, v in params.items() if v not in (None, "")})
    assert response.status_code == 200
    if pay_min is not None and pay_max is not None and pay_min > pay_max:
        return
    assert not response.context["filter"].form.errors
    roles = list(response.context["roles"])
    for role in roles:
        if pay_min is not None:
            assert role.bls_median is not None and role.bls_median >= pay_min
        if pay_max is not None:
            assert role.bls_median is not None and role.bls_median <= pay_max
            assert not role.bls_median_top_coded
    if (sort or "-pay").lstrip("-") == "pay":
        paid = [r.bls_median for r in roles if r.bls_median is not None]
        assert paid == sorted(paid, reverse=(sort or "-pay").startswith("-"))
        assert [r.bls_median is None for r in roles] == sorted(r.bls_median is None for r in roles)


@hypothesis_settings(fuzz, max_examples=60)
@given(page=st.one_of(numbers, texts, st.integers(-5, 10).map(str)))
def test_page_is_a_page_or_404(client, site, page):
    response = get(client, URL, f"page={quote(page.encode('utf-8', 'surrogatepass'))}")
    try:
        # Django's own reading of the page number: blank means the first page.
        number = int(page or 1)
    except ValueError:
        number = None
    if page == "last" or number in (1, 2):
        assert response.status_code == 200
    elif number is None or number < 1 or number > 2:
        assert response.status_code == 404


@fuzz
@given(slug=st.one_of(st.text(max_size=200), slugs, st.binary(max_size=60)))
def test_role_page_for_any_slug_is_200_or_404(client, site, slug):
    if isinstance(slug, bytes):
        path = "/careers/" + quote_from_bytes(slug, safe="") + "/"
    else:
        path = "/careers/" + quote(slug.encode("utf-8", "surrogatepass"), safe="") + "/"
    response = client.get(path)
    assert response.status_code in {200, 404}
    if slug == "machine-learning-engineer":
        assert response.status_code == 200


@pytest.mark.parametrize("extra", [1, 500])
def test_thousands_of_parameters_are_refused_with_400(client, site, extra):
    count = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + extra
    raw = "&".join(f"skill=s{n}" for n in range(count))
    assert client.get(URL, QUERY_STRING=raw).status_code == 400


def test_the_limit_itself_is_still_a_page(client, site):
    raw = "&".join(["skill=deep-learning"] * settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
    response = client.get(URL, QUERY_STRING=raw)
    assert response.status_code == 200
    assert "machine-learning-engineer" in [r.slug for r in response.context["roles"]]


@pytest.mark.parametrize(
    "raw",
    [
        "q=%00",
        "skill=%00",
        "stage=%00&company=%00",
        "sort=%00",
        "pay_min=%00",
        "page=%00",
        "q=%ED%A0%80",
        "q=%C0%80",
        "q=%",
        "pay_min=1e309&pay_max=-1e309",
        "pay_min=" + "9" * 5000,
        "q=" + "x" * 10_000,
        "skill=" + "a" * 10_000,
        "page=" + "9" * 5000,
        "sort=pay&sort=title&sort=nope",
        "education=%00",
        "education=" + "a" * 10_000,
        "education=bachelors-degree&education=%E2%80%AE&sort=-growth",
        "sort=-growth&skill=analytical-skills&skill=%00",
        "=&&=&=x&%%%",
        "basis=bls&area=%00",
        "basis=%00&area=CA",
        "basis=bls&area=" + "Z" * 10_000,
        "basis=bls&basis=guide&area=CA&area=TX",
        "basis=bls&area=%E2%80%AE41860",
    ],
)
def test_known_nasty_query_strings(client, site, raw):
    response = get(client, URL, raw)
    if not raw.startswith("page="):
        assert response.status_code == 200
