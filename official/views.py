"""Official pay pages."""

from django.core.paginator import InvalidPage
from django.http import Http404
from django.views.generic import TemplateView

from careers.models import Role

from .forms import PayPageForm
from .selectors import role_pay_page


class RolePayView(TemplateView):
    """/careers/<slug>/pay/: BLS estimates of the role's official occupation by state and metro
    area; 404 for a role that is not published and for a page of areas that does not exist."""

    template_name = "official/role_pay.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PayPageForm(self.request.GET)
        try:
            context.update(role_pay_page(kwargs["slug"], form))
        except Role.DoesNotExist:
            raise Http404("No such role.") from None
        except InvalidPage:
            raise Http404("No such page of areas.") from None
        context["form"] = form
        return context
