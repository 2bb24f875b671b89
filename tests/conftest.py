import pytest
from django.core.management import call_command
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered


@pytest.fixture(scope="session", autouse=True)
def jinja2_templates_report_their_context():
    """Let the test client see Jinja2 pages' context (`response.context`), as it does for
    Django templates: Django instruments only its own engine during tests."""
    render = jinja2_backend.Template.render

    def instrumented(self, context=None, request=None):
        context = {} if context is None else context
        html = render(self, context, request)
        self.name = self.origin.template_name
        template_rendered.send(sender=self, template=self, context=context)
        return html

    jinja2_backend.Template.render = instrumented
    yield
    jinja2_backend.Template.render = render


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs, at the end of the block, what the block's writes scheduled for
    their commit (the stored medians, the page cache's content version): tests run inside one
    transaction that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def article_data(db, committed):
    """The article's data, loaded exactly as `make run` loads it, as it is once committed."""
    with committed():
        call_command("load_initial_data", verbosity=0)
