"""The four demo modules as plain data, one file each; ``load_demo`` turns them into pages.

Format of a module (a dict named MODULE in each file):

    slug, title, theme (a theme slug from scenarios.demo.taxonomy), audience ("professionals",
    "management" or "both"), estimated_minutes, pass_mark, image (an illustration key from
    scenarios.demo.illustrations.ILLUSTRATIONS), introduction, learning_objectives and
    reporting_routes (HTML for rich text), sources: a list of (title, publisher, url) tuples,
    steps: a list of dicts, each with a unique "key" (stable ids are derived from it) and a "type":

    information      heading, body (HTML), image (illustration key or None)
    scene            heading, situation (HTML), image (illustration key), alt_text (optional:
                     defaults to the illustration's own description)
    decision         prompt, options: [{text, verdict ("right"/"acceptable"/"wrong"), points,
                     feedback (HTML), signals: [signal keys]}]
    single_choice    question, points, explanation (HTML), signals, options: [{text, correct,
                     feedback (HTML)}]
    multiple_choice  as single_choice, with more than one correct option
"""

from . import barns, farmers, holiday_parks, management

MODULES = [barns.MODULE, holiday_parks.MODULE, farmers.MODULE, management.MODULE]
