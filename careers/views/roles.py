from django.views.generic import DetailView, ListView

from ..models import Role


class RoleListView(ListView):
    template_name = "careers/role_list.html"
    context_object_name = "roles"
    paginate_by = 25

    def get_queryset(self):
        return Role.objects.for_list()


class RoleDetailView(DetailView):
    template_name = "careers/role_detail.html"
    context_object_name = "role"

    def get_queryset(self):
        return Role.objects.for_page()
