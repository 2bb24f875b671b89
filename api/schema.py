"""OpenAPI for RoleFilter's parameters: the types drf-spectacular cannot infer from the model.

Pay bounds are text (they accept "$150,000"), the area a code, and skill, stage, company and education
slugs whose choices are read per request: all strings. Without these hints the schema would
still say string, with a warning that `manage.py check --deploy` treats as a failure.
"""

import copy

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes

STRING_PARAMETERS = {"pay_min", "pay_max", "area", "skill", "stage", "company", "education"}


class RoleFilterExtension(DjangoFilterExtension):
    target_class = "api.filters.RoleFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        if field_name in STRING_PARAMETERS:
            # A copy: the hint is for the schema only, never on RoleFilter's own filters.
            filter_field = copy.copy(filter_field)
            set_override(filter_field, "field", OpenApiTypes.STR)
        return super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
