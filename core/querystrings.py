"""Query strings for links, built from what a page's form understood of the request."""

from django.http import QueryDict


def form_query(form, defaults=None):
    """The form's own parameters as a QueryDict for links (pages, sorts, exports): each as
    cleaned where it is valid (as given where it has an error, so a link keeps showing it),
    empty ones and `defaults` left out, in the order the request gave them. A parameter the
    form does not know (utm_source, ...) never reaches a link."""
    defaults = defaults or {}
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    data = form.data
    query = QueryDict(mutable=True)
    for name in data:
        if name not in form.fields or name in query:
            continue
        if name in cleaned:
            value = form.fields[name].prepare_value(cleaned[name])
        else:
            value = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        values = value if isinstance(value, (list, tuple)) else [value]
        values = [str(v) for v in values if v is not None and v != ""]
        if values and values != [defaults.get(name)]:
            query.setlist(name, values)
    return query
