"""bench/results.json keeps the SQLite and PostgreSQL runs side by side, and a run of some parts
(``python -m bench.run --only exports``) renews those figures without dropping the others."""

import json

from bench.run import write_report


def row(name, value, part="pages"):
    return {"name": name, "value": value, "unit": "s", "met": True, "part": part}


def full_run(value):
    return {
        "generated_at": "2026-12-01T10:00:00+00:00",
        "command": "python -m bench.run",
        "duration_s": 600,
        "phases_s": {"pages": 30, "exports": 400},
        "datasets": {"province": {"scale": 1}, "export": {"scale": 1}},
        "results": [
            row("catalogue", value),
            row("province-wide figures", value * 10),
            row("XLSX export", value * 100, "exports"),
            row("CSV export (gone since)", value, "exports"),
        ],
    }


def test_a_partial_run_renews_its_figures_and_keeps_the_rest(tmp_path):
    path = tmp_path / "results.json"
    write_report(path, "postgresql", full_run(1.0))
    write_report(path, "sqlite", full_run(2.0))
    partial = {
        "generated_at": "2026-12-05T12:00:00+00:00",
        "command": "python -m bench.run --only exports",
        "duration_s": 300,
        "phases_s": {"exports": 280},
        "datasets": {"province": None, "export": {"scale": 1}},
        "results": [
            row("XLSX export", 40.0, "exports"),
            row("new export figure", 3.0, "exports"),
        ],
        "only": ["exports"],
    }
    write_report(path, "sqlite", partial)
    runs = json.loads(path.read_text())
    assert list(runs) == ["sqlite", "postgresql"]
    sqlite = runs["sqlite"]
    # The pages' figures stay; the exports' are the new run's, the one it no longer makes gone.
    assert [(r["name"], r["value"]) for r in sqlite["results"]] == [
        ("catalogue", 2.0),
        ("province-wide figures", 20.0),
        ("XLSX export", 40.0),
        ("new export figure", 3.0),
    ]
    assert sqlite["phases_s"] == {"pages": 30, "exports": 280}
    assert sqlite["datasets"]["province"] == {"scale": 1}
    assert sqlite["partial_runs"][0]["command"].endswith("--only exports")
    assert runs["postgresql"]["results"][2]["value"] == 100.0  # the other run untouched

    # A later run of the pages drops the pages' figures it no longer makes.
    pages = {
        **partial,
        "command": "python -m bench.run --only pages",
        "phases_s": {"pages": 40},
        "results": [row("catalogue", 1.5)],
        "only": ["pages"],
    }
    write_report(path, "sqlite", pages)
    sqlite = json.loads(path.read_text())["sqlite"]
    assert [r["name"] for r in sqlite["results"]] == [
        "catalogue",
        "XLSX export",
        "new export figure",
    ]
    assert len(sqlite["partial_runs"]) == 2


def test_a_full_run_replaces_the_record_of_its_database(tmp_path):
    path = tmp_path / "results.json"
    write_report(path, "sqlite", full_run(2.0))
    write_report(path, "sqlite", full_run(5.0))
    sqlite = json.loads(path.read_text())["sqlite"]
    assert sqlite["results"][0]["value"] == 5.0 and "partial_runs" not in sqlite
