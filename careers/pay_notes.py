"""The pay sources a page of roles cites, numbered once each as footnotes under the list."""


def note_key(salary):
    # One note per distinct source and date: a page of roles from one source has one note.
    return (salary.source_id, salary.as_of, salary.as_of_precision)


class PayNotes:
    """The records behind each role's median and range (`role.median_salary`,
    `role.range_salary`), one per source and date, in the order the roles first cite them.
    Iterating gives the records (note 1 first); `number(salary)` the note a record cites.
    `figures` names the records a page shows (a page without ranges cites medians only)."""

    def __init__(self, roles, figures=("median_salary", "range_salary")):
        self._numbers = {}
        self.records = []
        for role in roles:
            for salary in (getattr(role, figure) for figure in figures):
                if salary is not None and note_key(salary) not in self._numbers:
                    self.records.append(salary)
                    self._numbers[note_key(salary)] = len(self.records)

    def number(self, salary):
        return None if salary is None else self._numbers.get(note_key(salary))

    def __iter__(self):
        return iter(self.records)

    def __len__(self):
        return len(self.records)
