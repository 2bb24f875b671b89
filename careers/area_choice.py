"""The visitor's area: chosen once in one control, carried by every link as `?area=`.

The choice lives in the URL only: no cookie, no session, no `Vary`. A page that shows it
declares `area` among its query parameters (AreaChoiceForm, or a form of its own with an `area`
field), so the page cache keys the page by the normalised code and never serves one visitor's
area to a URL that did not ask for it. docs/page-cache.md says how the key, the choice and a
CDN meet.
"""

from urllib.parse import urlsplit

from django import forms
from django.http import QueryDict
from django.urls import Resolver404, get_script_prefix, resolve, reverse

from core.forms import FILTER_FORM_RENDERER
from core.text import printable_or_empty
from official.forms import AreaCodeField
from official.models import AreaKind

from .filters import area_choices

AREA = "area"
# Left out of the control's hidden fields: a new area starts at the first page.
RESTART = ("page",)
# The pages that show the visitor's area: the only ones the area finder returns to.
AREA_PAGES = {
    "careers:home",
    "careers:role_list",
    "careers:role_detail",
    "careers:role_pay",
    "careers:compare",
    "careers:match",
}
# A return address longer than this is no link the site made.
NEXT_MAX_LENGTH = 1000
# What the control carries of a page's other parameters: as many values as a real page has (a
# comparison's four roles, a match's ticked skills), each no longer than a search.
CARRIED_MAX = 40
CARRIED_VALUE_MAX = 200


def return_address(value):
    """(path, QueryDict) of the page the area finder's `next` names, or None unless it is one
    of this site's AREA_PAGES: a local path, never another host, never a page that does not
    show an area."""
    text = printable_or_empty(value)
    if not text.startswith("/") or text.startswith("//") or "\\" in text:
        return None
    if len(text) > NEXT_MAX_LENGTH:
        return None
    parts = urlsplit(text)
    prefix = get_script_prefix()
    if parts.scheme or parts.netloc or not parts.path.startswith(prefix):
        return None
    try:
        match = resolve("/" + parts.path[len(prefix) :])
    except Resolver404:
        return None
    if match.view_name not in AREA_PAGES:
        return None
    query = QueryDict(parts.query, mutable=True)
    for name in (AREA, *RESTART):
        query.pop(name, None)
    return parts.path, query


def href_with_area(address, area):
    """The page at `address` (return_address()) showing `area` (the nation: no area)."""
    path, query = address
    query = query.copy()
    if area.kind != AreaKind.NATIONAL:
        query[AREA] = area.code
    return f"{path}?{query.urlencode()}" if query else path


def bounded(query):
    """The page's parameters as the control may carry them: printable values (a NUL has no use
    and must never be echoed into the page) no longer than CARRIED_VALUE_MAX, CARRIED_MAX in
    all. A page's own links keep what its form cleaned; this keeps a tampered URL from being
    written into the page again at any length."""
    kept = QueryDict(mutable=True)
    count = 0
    for name in query:
        for value in query.getlist(name):
            if (
                count < CARRIED_MAX
                and len(value) <= CARRIED_VALUE_MAX
                and printable_or_empty(value)
            ):
                kept.appendlist(name, value)
                count += 1
    return kept


class AreaChoiceForm(forms.Form):
    """`area`: US, a state's postal code or a metro area's code, cleaned to the Area."""

    default_renderer = FILTER_FORM_RENDERER

    area = AreaCodeField(
        label="Your area",
        required=False,
        help_text="The nation, a state or territory, or a metro area.",
    )

    def __init__(self, data=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data if data is not None else {}, **kwargs)


class AreaChoice:
    """What the area control shows on one page: the chosen area (or none), an error for a code
    that is not one, the nation and states to choose from, and the page's other parameters, so
    that choosing or removing an area keeps everything else the visitor chose."""

    def __init__(self, path, area=None, errors=(), carried=None, options=None, drops=()):
        self.path = path
        # The nation is what every page shows with no area chosen: choosing it is choosing none.
        if area is not None and area.kind == AreaKind.NATIONAL:
            area = None
        self.drops = drops  # parameters that mean nothing without an area (the list's basis)
        self.area = area
        self.errors = list(errors)
        self._carried = bounded(carried if carried is not None else QueryDict())
        self._options = options

    @classmethod
    def from_form(cls, request, form, carried=None):
        """From an AreaChoiceForm bound to the request."""
        form.is_valid()
        return cls(
            request.path,
            area=form.cleaned_data.get(AREA),
            errors=form.errors.get(AREA, ()),
            carried=carried,
        )

    @property
    def code(self):
        return self.area.code if self.area is not None else ""

    @property
    def query(self):
        """`area=CA` for links to other pages that show it, or "" with no area chosen."""
        return f"{AREA}={self.code}" if self.code else ""

    def hidden(self):
        """(name, value) of the page's other parameters, for the control's GET form."""
        query = self._without()
        return [(name, value) for name in query for value in query.getlist(name)]

    def _without(self, *names):
        """The page's parameters without the area, the page number and `names`."""
        query = self._carried.copy()
        for name in (AREA, *RESTART, *names):
            query.pop(name, None)
        return query

    def _href(self, query):
        return f"{self.path}?{query.urlencode()}" if query else self.path

    def remove_href(self):
        """This page without the area (and what means nothing without it)."""
        return self._href(self._without(*self.drops))

    def picker_href(self):
        """The area finder (metro areas by name), coming back to this page."""
        query = QueryDict(mutable=True)
        here = self._href(self._without())
        query["next"] = here if len(here) <= NEXT_MAX_LENGTH else self.path
        return f"{reverse('careers:area_picker')}?{query.urlencode()}"

    def options(self):
        """(group, [(code, name)]) for the select: the nation, then the states and territories
        (one query, made when the control is drawn), with a chosen metro area first."""
        if self._options is None:
            self._options = area_choices()
        nation = [(a.code, a.display_name) for a in self._options if a.kind == AreaKind.NATIONAL]
        states = [(a.code, a.name) for a in self._options if a.kind == AreaKind.STATE]
        groups = [("Nation", nation), ("States and territories", states)]
        if self.area is not None and self.area.kind == AreaKind.METRO:
            groups.insert(0, ("Metro area", [(self.area.code, self.area.name)]))
        return [(group, choices) for group, choices in groups if choices]


class AreaChoiceMixin:
    """A page that shows pay for the visitor's area: `read_area()` in the view, `area_choice`
    in the context (templates/includes/area_choice.html draws it in the header)."""

    area_choice = None

    def read_area(self, carried=None):
        """The chosen Area or None; an invalid code becomes the control's error, and the page
        shows national figures."""
        form = AreaChoiceForm(self.request.GET)
        self.area_choice = AreaChoice.from_form(self.request, form, carried)
        return self.area_choice.area

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["area_choice"] = self.area_choice
        return context
