"""The text the role list's word search looks in: `Role.search_document`, kept up to date here.

A role's document is its title, summary and description, the names of its skills and the names
of the skills named for every role (Skill.for_all_roles), one per line, upper-cased by the
database as `icontains` would. The search then needs one condition per word on this one column,
which one trigram index serves on PostgreSQL (migration 0012), instead of a subquery per word
over roles and skills; and it folds each word once rather than the document of every row once
per word (measured: upper-casing 10,000 documents per word cost more than the rest of the
search).

The document is computed by the database, in the same transaction as the write that changes
it, so a search never sees a change without its document, and the page cache's version moves
only after both are committed. Every write that can change a document refreshes the documents
it touches: saves and deletes of roles, skill links and skills (signals below), many-to-many
changes of Role.skills, and the bulk writes of the commands that send no signals
(generate_synthetic_roles calls `refresh_search_documents` itself). A write that bypasses all
of these (QuerySet.update of a title, for example) leaves documents stale until the next
refresh: `refresh_search_documents(Role.objects.all())` puts every one right.
"""

from django.db.models import Aggregate, F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat, Upper
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import Role, RoleSkill, Skill

# Words are split on whitespace, so no word can match across two parts of a document.
SEPARATOR = "\n"
# Roles per UPDATE when every document changes (a skill for every role renamed): each
# statement stays well inside the database's statement timeout.
BATCH = 2000


class JoinedLines(Aggregate):
    """Text values joined by SEPARATOR: STRING_AGG on PostgreSQL, GROUP_CONCAT on SQLite."""

    function = "STRING_AGG"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(expression, Value(SEPARATOR), **extra)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="GROUP_CONCAT", **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        # In a set order, so that computing a role's document again gives the same text (a save
        # that changes nothing writes nothing new); the expression is a column, with no params.
        order, params = compiler.compile(self.get_source_expressions()[0])
        if params:  # a column has none; anything else would need them placed twice
            raise ValueError("JoinedLines orders by a column only")
        template = f"%(function)s(%(distinct)s%(expressions)s ORDER BY {order})"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def _names(skills, group_by):
    """The names of `skills` in one text, as a subquery (the usual group-then-aggregate)."""
    return Coalesce(
        Subquery(
            skills.order_by().values(group_by).annotate(names=JoinedLines("name")).values("names")
        ),
        Value(""),
        output_field=TextField(),
    )


def search_document():
    """The expression that computes a role's document (see the module's docstring)."""
    own_skills = Skill.objects.filter(role_skills__role=OuterRef("pk"))
    general_skills = Skill.objects.filter(for_all_roles=True)
    return Upper(
        Concat(
            F("title"),
            Value(SEPARATOR),
            F("summary"),
            Value(SEPARATOR),
            F("description"),
            Value(SEPARATOR),
            _names(own_skills, "role_skills__role"),
            Value(SEPARATOR),
            _names(general_skills, "for_all_roles"),
            output_field=TextField(),
        )
    )


def refresh_search_documents(roles):
    """Recompute the documents of the roles in the queryset `roles`, in one UPDATE that leaves
    unchanged ones alone (rewriting a row rewrites its entries in every index of the table)."""
    return roles.exclude(search_document=search_document()).update(
        search_document=search_document()
    )


def refresh_every_search_document():
    """Recompute every role's document, a batch of roles per UPDATE."""
    pks = list(Role.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), BATCH):
        batch = pks[start : start + BATCH]
        refresh_search_documents(Role.objects.filter(pk__gte=batch[0], pk__lte=batch[-1]))


def _refresh_roles(pks):
    pks = {pk for pk in pks if pk is not None}
    if pks:
        refresh_search_documents(Role.objects.filter(pk__in=pks))


@receiver(post_save, sender=Role, dispatch_uid="role_saved_refreshes_search_document")
def role_saved(sender, instance, **kwargs):
    _refresh_roles([instance.pk])


@receiver(post_save, sender=RoleSkill, dispatch_uid="role_skill_saved_refreshes_search_document")
def role_skill_saved(sender, instance, **kwargs):
    # A link moved to another role changes both roles' documents.
    _refresh_roles([instance.role_id, getattr(instance, "_search_role_id", None)])
    instance._search_role_id = instance.role_id


@receiver(
    post_delete, sender=RoleSkill, dispatch_uid="role_skill_deleted_refreshes_search_document"
)
def role_skill_deleted(sender, instance, origin=None, **kwargs):
    # Deleted with its role (a cascade from a Role or a QuerySet of them): no document is left.
    if isinstance(origin, Role) or getattr(origin, "model", None) is Role:
        return
    _refresh_roles([instance.role_id])


@receiver(m2m_changed, sender=Role.skills.through, dispatch_uid="role_skills_changed_search")
def role_skills_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:  # role.skills.add(...): the role's own document
        if action in ("post_add", "post_remove", "post_clear"):
            _refresh_roles([instance.pk])
    elif action == "pre_clear":  # skill.roles.clear(): the roles it was linked to, read first
        instance._search_cleared_roles = list(instance.role_skills.values_list("role", flat=True))
    elif action == "post_clear":
        _refresh_roles(getattr(instance, "_search_cleared_roles", ()))
    elif action in ("post_add", "post_remove"):
        _refresh_roles(pk_set or ())


@receiver(pre_save, sender=Skill, dispatch_uid="skill_saving_reads_search_fields")
def skill_saving(sender, instance, raw=False, **kwargs):
    # What the documents hold of this skill now, to refresh only what a save changes.
    instance._search_before = (
        Skill.objects.filter(pk=instance.pk).values_list("name", "for_all_roles").first()
        if instance.pk is not None
        else None
    )


@receiver(post_save, sender=Skill, dispatch_uid="skill_saved_refreshes_search_documents")
def skill_saved(sender, instance, **kwargs):
    before = getattr(instance, "_search_before", None)
    if before == (instance.name, instance.for_all_roles):
        return
    if instance.for_all_roles or (before is not None and before[1]):
        refresh_every_search_document()
    else:
        refresh_search_documents(Role.objects.filter(role_skills__skill=instance))


@receiver(post_delete, sender=Skill, dispatch_uid="skill_deleted_refreshes_search_documents")
def skill_deleted(sender, instance, **kwargs):
    # A skill still linked to a role cannot be deleted (PROTECT): only a general one matters.
    if instance.for_all_roles:
        refresh_every_search_document()
