"""BLS footnote codes carried per figure (the release's own `footnote` table has the text), and
the top code they stand for: read by the models, the QuerySets and the formatting alike."""

TOP_CODED = "5"  # "equal to or greater than $115.00 per hour or $239,200 per year"
NOT_RELEASED = "8"  # "Estimate not released."
# "The relative standard error (RSE) is a measure of the reliability of a survey statistic...":
# listed wherever a relative standard error is shown, and on /about/.
RSE_EXPLAINED = "3"
# BLS's top code for annual wages, as footnote 5 words it.
TOP_CODE_ANNUAL = 239_200
