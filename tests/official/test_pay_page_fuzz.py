"""Property tests: no query string, however malformed, makes the pay-by-location page fail.

Reuses the role list's hostile values (tests/careers/test_filters_fuzz.py): broken
percent-encoding, stray bytes, NUL, overlong UTF-8, numbers of every shape. The only acceptable
answers are 200 (the page, maybe with form errors), 400 (too many fields) and 404 (no such page
of metro areas).
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from official.forms import SORT_CHOICES
from official.models import Area
from tests.careers.test_filters_fuzz import fuzz, numbers, raw_values, texts

from .pay_release import all_states_and_metros, write_pay_release

URL = reverse("careers:role_pay", args=["data-scientist"])
PARAMS = ["q", "area", "sort", "page"]
ALLOWED = {200, 400, 404}
SORTS = [value for value, _ in SORT_CHOICES]
# Codes of areas in the release below, and near misses.
AREA_CODES = ["US", "us", "CA", "ca", "PR", "10020", "10040", "0010020", "ZZ", "00000", "1002O"]

codes = st.one_of(
    st.sampled_from(AREA_CODES),
    st.from_regex(r"\A[A-Za-z0-9]{0,9}\Z"),
    numbers,
    texts,
)
sorts = st.one_of(st.sampled_from(SORTS), st.sampled_from(["", "-", "--median", "name "]), texts)
values = st.one_of(codes, sorts, numbers, texts)
names = st.one_of(
    st.sampled_from(PARAMS), st.text(max_size=20).map(str.encode), st.binary(max_size=10)
)


@st.composite
def query_strings(draw):
    pairs = draw(st.lists(st.tuples(names, raw_values, st.booleans()), max_size=25))
    parts = []
    for name, value, encode in pairs:
        name = name.encode() if isinstance(name, str) else name
        if encode:
            parts.append(quote_from_bytes(name, safe="") + "=" + quote_from_bytes(value, safe=""))
        else:
            parts.append((name + b"=" + value).decode("latin-1"))
    return draw(st.sampled_from(["&", "&&", ";"])).join(parts)


@pytest.fixture
def site(article_data, import_release, tmp_path):
    # Sixty metro areas: three pages of them.
    areas, cells = all_states_and_metros(metros=60)
    import_release(write_pay_release(tmp_path / "oews", areas, cells))


def get(client, raw):
    response = client.get(URL, QUERY_STRING=raw)
    assert response.status_code in ALLOWED, (raw[:300], response.status_code)
    return response


@hypothesis_settings(fuzz, max_examples=150)
@given(raw=query_strings())
def test_any_raw_query_string_gets_200_400_or_404(client, site, raw):
    get(client, raw)


@fuzz
@given(params=st.lists(st.tuples(st.sampled_from(PARAMS), values), max_size=10))
def test_well_encoded_values_of_any_kind_in_every_parameter(client, site, params):
    raw = "&".join(f"{quote(k)}={quote(v.encode('utf-8', 'surrogatepass'))}" for k, v in params)
    response = get(client, raw)
    if response.status_code == 200:
        form = response.context["form"]
        # Whatever was refused, the page shows the states with the defaults.
        assert len(response.context["state_rows"]) == 54
        for name in form.errors:
            assert name in PARAMS


@hypothesis_settings(fuzz, max_examples=80)
@given(code=codes)
def test_area_is_a_known_code_or_a_form_error(client, site, code):
    response = get(client, "area=" + quote(code.encode("utf-8", "surrogatepass")))
    assert response.status_code == 200
    selected = response.context["selected"]
    errors = response.context["form"].errors
    text = code.strip()
    # Every state is in this release, so any two letters that are a state's code are known
    # ("tx" is Texas), not only the codes the strategy samples.
    known = set(Area.objects.values_list("code", flat=True))
    if not text:
        assert selected is None and not errors
    elif text.isascii() and text.upper() in known:
        assert not errors and selected.code == text.upper()
    else:
        assert "area" in errors and selected is None


@hypothesis_settings(fuzz, max_examples=60)
@given(sort=sorts)
def test_sort_is_one_of_the_columns_or_a_form_error(client, site, sort):
    response = get(client, "sort=" + quote(sort.encode("utf-8", "surrogatepass")))
    assert response.status_code == 200
    errors = response.context["form"].errors
    if sort in SORTS:
        assert not errors and response.context["sort"] == sort
    elif sort:
        assert "sort" in errors and response.context["sort"] == "name"


@hypothesis_settings(fuzz, max_examples=60)
@given(page=st.one_of(numbers, texts, st.integers(-5, 10).map(str)))
def test_page_is_a_page_a_form_error_or_404(client, site, page):
    response = get(client, "page=" + quote(page.encode("utf-8", "surrogatepass")))
    text = page.strip()
    if text.isascii() and text.isdigit() and len(text) <= 6 and int(text) >= 1:
        assert response.status_code == (200 if int(text) <= 3 else 404)
    elif text:
        assert response.status_code == 200 and "page" in response.context["form"].errors


def test_thousands_of_parameters_are_refused_with_400(client, site):
    raw = "&".join(f"q=s{n}" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    assert client.get(URL, QUERY_STRING=raw).status_code == 400


@pytest.mark.parametrize(
    "raw",
    [
        "q=%00",
        "area=%00",
        "sort=%00",
        "page=%00",
        "q=%ED%A0%80",
        "area=%C0%80",
        "q=%",
        "area=" + "9" * 5000,
        "page=" + "9" * 5000,
        "q=" + "x" * 10_000,
        "sort=median&sort=name&sort=nope",
        "area=CA&area=TX",
        "=&&=&=x&%%%",
    ],
)
def test_known_nasty_query_strings(client, site, raw):
    assert get(client, raw).status_code == 200
