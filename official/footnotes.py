"""BLS footnote codes carried per figure (the release's own `footnote` table has the text), and
the top code they stand for: read by the models, the QuerySets and the formatting alike."""

TOP_CODED = "5"  # "equal to or greater than $115.00 per hour or $239,200 per year"
NOT_RELEASED = "8"  # "Estimate not released."
# BLS's top code for annual wages, as footnote 5 words it.
TOP_CODE_ANNUAL = 239_200
