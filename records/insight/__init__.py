"""Signal insight for programme coordinators: which signals of the taxonomy learners recognise,
where, and whether training helps.

- ``refresh``: derives each learner's outcome per signal from the responses (the content
  rules are ``scenarios.signal_tags``) and sums them into ``SignalSummary``; run by the task
  worker (``records.tasks.refresh_signal_insight``).
- ``queries``: the aggregates, summed in SQL from ``SignalSummary``, filtered and scoped.
- ``privacy``: what of them may be shown (threshold and complementary suppression, through
  ``records.disclosure``).
- ``views`` and ``exports``: the pages, the CSV/XLSX downloads and the JSON endpoint.
"""
