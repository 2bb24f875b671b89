"""A role list long enough to page through: the article's data plus synthetic roles."""

from dataclasses import dataclass

from django.core.management import call_command

from careers.models import Importance, Role, RoleSkill, Skill

PER_PAGE = 25
PAY_MIN = 100_000
# Two of the machine learning engineer's skills, so the article's own role is among the results.
SKILLS = {"deep-learning": "Deep learning", "artificial-intelligence": "Artificial intelligence"}
SYNTHETIC_ROLES = 50


@dataclass
class Catalogue:
    titles_z_to_a: list  # every role the journey's filters match, in "Title, Z to A" order

    @property
    def count(self):
        return len(self.titles_z_to_a)


def build_catalogue():
    """Add synthetic roles that all need both SKILLS; return what the journey's filters match.

    The generator links random skills, so few of its roles share two given ones; giving every
    synthetic role both makes the result span two pages with a fixed seed. The expected list is
    computed here straight from the tables, independently of the view's filter code.
    """
    call_command("generate_synthetic_roles", SYNTHETIC_ROLES, verbosity=0)
    skills = list(Skill.objects.filter(slug__in=SKILLS))
    for role in Role.objects.filter(is_synthetic=True):
        for skill in skills:
            RoleSkill.objects.get_or_create(
                role=role, skill=skill, defaults={"importance": Importance.VALUABLE}
            )
    matching = Role.objects.filter(is_published=True, salaries__median__gte=PAY_MIN)
    for slug in SKILLS:
        matching = matching.filter(role_skills__skill__slug=slug)
    titles = list(matching.distinct().order_by("-title").values_list("title", flat=True))
    # The journey ends page 2 on the machine learning engineer: titles sort Z to A, "Synthetic"
    # before "Machine", and there must be a second page but no third.
    assert PER_PAGE < len(titles) <= 2 * PER_PAGE, len(titles)
    assert titles[-1] == "Machine Learning Engineer"
    return Catalogue(titles_z_to_a=titles)
