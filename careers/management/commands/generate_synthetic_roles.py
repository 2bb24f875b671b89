"""Create (or remove) synthetic roles for tests and benchmarks, never touching the article's data.

python manage.py generate_synthetic_roles 1000
python manage.py generate_synthetic_roles --delete
"""

import random

from django.conf import settings
from django.core.management import BaseCommand, CommandError
from django.db import transaction

from careers.models import CareerStage, Company, Role, RoleSkill, Salary, Skill, Source
from careers.search_document import refresh_search_documents
from core.content import announce_change
from core.history import history_paused

SOURCE_SLUG = "synthetic-data"
SLUG_PREFIX = "synthetic-"
MAX_ROLES = 100_000

# Words for titles: "Synthetic Vision Platform Engineer 17".
FIELDS = ["Vision", "Speech", "Data", "Model", "Robotics", "Search", "Ranking", "Forecasting"]
FOCUS = ["Platform", "Research", "Applied", "Infrastructure", "Analytics", "Quality", "Product"]
JOBS = ["Engineer", "Scientist", "Analyst", "Developer", "Architect", "Specialist", "Lead"]


def synthetic_source():
    source, _ = Source.objects.get_or_create(
        slug=SOURCE_SLUG,
        defaults={
            "publisher": "careerguide synthetic data generator",
            "title": "Synthetic roles for tests and benchmarks",
            "note": "Invented figures, generated at random: not real pay data.",
        },
    )
    return source


class Command(BaseCommand):
    help = (
        "Create N synthetic roles (titled 'Synthetic ...', is_synthetic=True) linked to existing "
        "skills, companies and stages, with invented pay from the 'synthetic-data' source. "
        "--delete removes every synthetic role and that source, and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", nargs="?", type=int, default=0, help="How many roles.")
        parser.add_argument("--seed", type=int, default=2025, help="Random seed (default 2025).")
        parser.add_argument(
            "--delete", action="store_true", help="Remove all synthetic roles and their source."
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even under the production settings (a benchmark's throwaway database).",
        )

    def handle(self, *args, count, seed, delete, verbosity, allow_production, **options):
        if settings.CAREERGUIDE_PRODUCTION and not allow_production:
            raise CommandError(
                "These are production settings: synthetic roles would appear on the public "
                "site. Use a development or test database, or pass --allow-production if this "
                "database is a throwaway copy (a benchmark's, for example)."
            )
        if delete:
            removed = self.delete()
            if verbosity:
                self.stdout.write(f"Removed {removed} synthetic roles.")
            return
        if not 1 <= count <= MAX_ROLES:
            raise CommandError(f"Give a number of roles from 1 to {MAX_ROLES:,}, or --delete.")
        # Skills for every role are never linked one by one (Skill.for_all_roles).
        skills = list(Skill.objects.filter(for_all_roles=False).order_by("pk"))
        if not skills:
            raise CommandError(
                "There are no skills to link roles to. Load the article's data first: "
                "python manage.py load_initial_data"
            )
        created = self.generate(count, random.Random(seed), skills)
        if verbosity:
            self.stdout.write(f"Created {created} synthetic roles.")

    @transaction.atomic
    def delete(self):
        roles = Role.objects.filter(is_synthetic=True)
        removed = roles.count()
        ids = list(roles.values_list("pk", flat=True))
        # Generated data is not an editor's work: no history of its removal, and none left
        # of any edit made to it (a version pointing at a removed role is noise).
        with history_paused():
            # Salaries, skill links and company links cascade with the roles.
            roles.delete()
            Source.objects.filter(slug=SOURCE_SLUG).delete()
        Salary.history.filter(role_id__in=ids).delete()
        RoleSkill.history.filter(role_id__in=ids).delete()
        Role.history.filter(id__in=ids).delete()
        Source.history.filter(slug=SOURCE_SLUG).delete()
        announce_change()
        return removed

    @transaction.atomic
    def generate(self, count, rng, skills):
        companies = list(Company.objects.order_by("pk"))
        stages = [None, *CareerStage.objects.order_by("pk")]
        source = synthetic_source()
        # Numbering continues after earlier runs so titles and slugs stay unique.
        start = Role.objects.filter(is_synthetic=True).count() + 1

        roles = []
        for number in range(start, start + count):
            words = f"{rng.choice(FIELDS)} {rng.choice(FOCUS)} {rng.choice(JOBS)}"
            roles.append(
                Role(
                    title=f"Synthetic {words} {number}",
                    slug=f"{SLUG_PREFIX}{words.lower().replace(' ', '-')}-{number}",
                    summary=f"A generated role for tests: {words.lower()} work.",
                    stage=rng.choice(stages),
                    is_synthetic=True,
                )
            )
        Role.objects.bulk_create(roles, batch_size=500)
        # Not every backend returns primary keys from bulk_create; read them back by slug.
        ids = dict(Role.objects.filter(slug__in=[r.slug for r in roles]).values_list("slug", "pk"))

        role_skills, hiring, salaries = [], [], []
        through = Role.hiring_companies.through
        for role in roles:
            role_id = ids[role.slug]
            for skill in rng.sample(skills, rng.randint(1, min(4, len(skills)))):
                role_skills.append(
                    RoleSkill(role_id=role_id, skill=skill, importance=rng.randint(1, 3))
                )
            for company in rng.sample(companies, rng.randint(0, min(3, len(companies)))):
                hiring.append(through(role_id=role_id, company_id=company.pk))
            salaries.append(self.salary(rng, role_id, source))
        RoleSkill.objects.bulk_create(role_skills, batch_size=1000)
        # Bulk writes send no signals: the new roles' search documents, in one UPDATE.
        refresh_search_documents(Role.objects.filter(pk__in=ids.values()))
        through.objects.bulk_create(hiring, batch_size=1000)
        Salary.objects.bulk_create(salaries, batch_size=1000)
        # A bulk write sends no signals: its roles' stored medians are refreshed here.
        Role.objects.filter(pk__in=ids.values()).refresh_median_pay()
        # Bulk writes reach no page cache receiver: make cached pages stale on commit.
        announce_change()
        return len(roles)

    @staticmethod
    def salary(rng, role_id, source):
        """A plausible median, sometimes with a range that obeys low <= median <= high."""
        median = rng.randrange(60_000, 250_000, 100)
        low = high = None
        if rng.random() < 0.4:
            low = median - rng.randrange(5_000, 50_000, 100)
            high = median + rng.randrange(5_000, 80_000, 100)
        return Salary(
            role_id=role_id,
            source=source,
            median=median,
            low=low,
            high=high,
            basis="synthetic median pay",
        )
