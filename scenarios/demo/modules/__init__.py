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
    ordering         question, points, feedback (HTML), items: [{text, signals}] in the correct
                     order (3 to 8)
    hotspot          image (illustration key), question, mode ("count" or "all"), points,
                     feedback (HTML), regions: [{label, kind ("signal"/"ordinary"), shape (per
                     mille of the image: "x0,y0 x1,y1" for a rectangle, more pairs for a
                     polygon), explanation (HTML), signals}]

    Branching (see scenarios.branching): information and scene steps may have an "anchor"; a
    scene may be "branch_only" (True) and have "continue_to" (an anchor); a decision option may
    have "leads_to" (the anchor of a scene).
"""

from . import barns, farmers, holiday_parks, management

MODULES = [barns.MODULE, holiday_parks.MODULE, farmers.MODULE, management.MODULE]
