"""Every public page type, one address each, shared by the screenshot, axe and HTML checks."""

# (name, path): the name is used for screenshot files and test ids.
PUBLIC_PAGES = [
    ("home", "/"),
    ("role-list", "/careers/"),
    (
        "role-list-filtered",
        "/careers/?pay_min=150000&skill=deep-learning&skill=artificial-intelligence&sort=-pay",
    ),
    ("role-list-form-errors", "/careers/?pay_min=lots&pay_max=-5&sort=bogus"),
    ("role-list-official", "/careers/?basis=bls&area=DC&sort=-pay"),
    # Sorted by BLS's projected growth, by entry education and a BLS quality (issue 18).
    (
        "role-list-outlook",
        "/careers/?sort=-growth&education=bachelors-degree&skill=analytical-skills",
    ),
    ("role", "/careers/machine-learning-engineer/"),
    ("role-no-pay", "/careers/head-of-ai/"),
    # A role whose official occupation is on a group's OOH page (issue 18).
    ("role-group-outlook", "/careers/software-developer/"),
    ("areas", "/areas/?find=ca"),
    ("skills", "/skills/"),
    ("skill", "/skills/deep-learning/"),
    ("companies", "/companies/"),
    ("company", "/companies/amazon/"),
    ("company-no-roles", "/companies/google/"),
    ("faq", "/faq/"),
    ("faq-filtered", "/faq/?q=paying"),
    ("outlook", "/outlook/"),
    ("outlook-sorted", "/outlook/?sort=education"),
    ("outlook-bad-sort", "/outlook/?sort=bogus"),
    ("path", "/path/"),
    ("role-pay", "/careers/data-scientist/pay/"),
    ("role-pay-state", "/careers/data-scientist/pay/?area=CA&sort=-median"),
    ("role-pay-metro", "/careers/data-scientist/pay/?area=41860&q=a&sort=-p90"),
    ("role-pay-form-errors", "/careers/data-scientist/pay/?area=ZZ&sort=bogus&page=x"),
    ("role-pay-no-occupation", "/careers/computer-engineer/pay/"),
    ("about", "/about/"),
    ("not-found", "/careers/no-such-role/"),
    # Visitor tools (issue 10).
    ("match", "/match/"),
    ("match-results", "/match/?have=deep-learning&have=programming&have=python"),
    ("match-form-errors", "/match/?have=cobol"),
    ("match-qualities", "/match/?have=python&have=analytical-skills&have=math-skills"),
    ("compare", "/compare/"),
    ("compare-one-and-search", "/compare/?role=data-scientist&find=engineer"),
    (
        "compare-three",
        "/compare/?role=data-scientist&role=machine-learning-engineer&role=nlp-scientist",
    ),
    ("compare-errors", "/compare/?role=data-scientist&role=data-scientist&role=nope"),
]

NOT_FOUND = {"not-found"}
# Pages answered with another status than 200 on purpose.
STATUS = {"not-found": 404, "compare-errors": 400}


def expected_status(name):
    return STATUS.get(name, 200)
