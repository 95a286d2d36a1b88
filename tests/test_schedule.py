"""Schedules and deployments, checked without a long-running server."""
from __future__ import annotations

import importlib

import pytest
import yaml
from prefect.client.schemas.objects import ConcurrencyLimitStrategy
from prefect.exceptions import ParameterTypeError, SignatureMismatchError
from prefect.schedules import Cron

from flows.schedule import NoServerError, build_deployment, serve
from helpers import ROOT


def test_built_deployment_has_schedule_parameters_and_no_overlap():
    params = {"inputs": ["/srv/inbox"], "db": "/srv/ruaz.duckdb", "export_dir": None,
              "options": {"batch_size": 100, "lock_wait_seconds": 60}, "policy": {"min_relevance": 0.3}}
    deployment = build_deployment("run", name="hourly", cron="0 * * * *", parameters=params, timezone="Asia/Baku")
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 * * * *", "Asia/Baku")
    assert deployment.parameters == params
    assert deployment.entrypoint == "flows/pipeline.py:run_pipeline"
    assert deployment.concurrency_limit == 1
    # an inbox run that fires while the previous one still reads the folder is cancelled, not queued
    assert deployment.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.CANCEL_NEW
    assert deployment.concurrency_options.grace_period_seconds == 60
    reprocess = build_deployment("reprocess", name="weekly", cron="30 3 * * 0", parameters={"db": "/srv/w.duckdb"})
    assert reprocess.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.ENQUEUE


@pytest.mark.parametrize(("parameters", "error"), [
    ({"inputs": ["/srv/inbox"], "db": "/srv/w.duckdb", "colour": "red"}, SignatureMismatchError),
    ({"inputs": ["/srv/inbox"], "db": "/srv/w.duckdb", "options": {"task_runner": "thread"}}, ParameterTypeError),
    ({"inputs": ["/srv/inbox"], "db": "/srv/w.duckdb", "options": {"batch_size": "many"}}, ParameterTypeError),
    ({"inputs": ["/srv/inbox"], "db": "/srv/w.duckdb", "policy": {"relevance": 0.4}}, ParameterTypeError),
])
def test_a_parameter_the_flow_does_not_take_is_refused(parameters, error):
    with pytest.raises(error):
        build_deployment("run", name="x", cron="0 * * * *", parameters=parameters)


def test_a_fetch_option_the_flow_does_not_take_is_refused():
    parameters = {"db": "w.duckdb", "sources_file": "s.toml", "raw_dir": "raw",
                  "fetch": {"policy": {"user_agent": "x", "timeout": 3}}}
    with pytest.raises(ParameterTypeError, match="timeout"):
        build_deployment("fetch", name="x", cron="0 * * * *", parameters=parameters)


def test_serve_builds_a_valid_fetch_deployment(monkeypatch):
    from flows import schedule
    from flows.cli import main

    built = {}
    monkeypatch.setattr(schedule, "serve", lambda deployments: built.setdefault("d", deployments))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--cron", "*/30 * * * *", "--flow", "fetch", "--db", "/srv/w.duckdb",
                 "--batch-size", "100"]) == 0
    [deployment] = built["d"]
    assert deployment.parameters["db"] == "/srv/w.duckdb"
    assert deployment.parameters["options"]["batch_size"] == 100
    assert deployment.entrypoint == "flows/live.py:fetch_pipeline"
    assert deployment.schedules[0].schedule.cron == "*/30 * * * *"
    from flows.live import fetch_pipeline
    fetch_pipeline.validate_parameters(deployment.parameters)   # the worker will be able to call it


def test_unknown_flow_cannot_be_scheduled():
    with pytest.raises(ValueError, match="cannot schedule"):
        build_deployment("sing", name="x", cron="* * * * *", parameters={})


def test_serve_needs_a_real_server(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with pytest.raises(NoServerError, match="prefect server start"):
        serve([])


def test_serve_without_a_server_or_without_inputs_is_a_usage_error(monkeypatch, capsys):
    from flows.cli import main

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["serve", "--cron", "0 * * * *", "--flow", "reprocess"]) == 2
    assert "prefect server start" in capsys.readouterr().err
    assert main(["serve", "--cron", "0 * * * *", "--flow", "run"]) == 2
    assert "needs --input" in capsys.readouterr().err


def _load_flow(entrypoint: str):
    path, name = entrypoint.split(":")
    return getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)


def test_prefect_yaml_deployments_are_valid():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    assert spec["deployments"]
    for deployment in spec["deployments"]:
        flow = _load_flow(deployment["entrypoint"])
        flow.validate_parameters(deployment["parameters"])          # raises on an unknown or ill-typed one
        for schedule in deployment["schedules"]:
            Cron(schedule["cron"], timezone=schedule.get("timezone"))  # raises on a bad expression
        policy = "ENQUEUE" if "reprocess" in deployment["name"] else "CANCEL_NEW"
        assert deployment["concurrency_limit"] == {"limit": 1, "collision_strategy": policy, "grace_period_seconds": 60}
        assert deployment["parameters"]["options"]["lock_wait_seconds"] > 0   # a collision waits, it does not fail
        assert (ROOT / deployment["entrypoint"].split(":")[0]).exists()


def test_the_shipped_deployments_never_fire_together():
    """Over twelve weeks, no two deployments of prefect.yaml start within 15 minutes of each other."""
    import asyncio
    import datetime as dt

    from prefect.server.schemas.schedules import CronSchedule

    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    start = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
    fires = []
    for deployment in spec["deployments"]:
        for schedule in deployment["schedules"]:
            cron = CronSchedule(cron=schedule["cron"], timezone=schedule.get("timezone", "UTC"))
            dates = asyncio.run(cron.get_dates(n=3000, start=start, end=start + dt.timedelta(weeks=12)))
            fires += [(d.timestamp(), deployment["name"]) for d in dates]
    fires.sort()
    close = [(a, b) for (ta, a), (tb, b) in zip(fires, fires[1:]) if a != b and tb - ta < 15 * 60]
    assert close == []
    assert {name for _, name in fires} == {d["name"] for d in spec["deployments"]}


def test_the_drop_folder_deployment_moves_what_it_read():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    [inbox] = [d for d in spec["deployments"] if d["entrypoint"].endswith(":run_pipeline")]
    assert inbox["parameters"]["processed_dir"] and inbox["concurrency_limit"]["collision_strategy"] == "CANCEL_NEW"


def test_serve_passes_its_flags_to_the_served_runs_as_settings(monkeypatch):
    import os

    from flows import schedule
    from flows.cli import main

    built = {}
    monkeypatch.setattr(schedule, "serve", lambda deployments: built.setdefault("d", deployments))
    for name in ("RUAZ_TASK_RUNNER", "RUAZ_WORKERS", "RUAZ_BATCH_SIZE", "RUAZ_DASK_ADDRESS"):
        monkeypatch.delenv(name, raising=False)
    assert main(["serve", "--cron", "45 * * * *", "--flow", "run", "--input", str(ROOT / "samples"),
                 "--processed-dir", "/tmp/done", "--task-runner", "thread", "--workers", "3",
                 "--batch-size", "77"]) == 0
    [deployment] = built["d"]
    # the served flow runs start in processes of their own: they read these, as every run does
    assert (os.environ["RUAZ_TASK_RUNNER"], os.environ["RUAZ_WORKERS"], os.environ["RUAZ_BATCH_SIZE"]) == \
        ("thread", "3", "77")
    assert deployment.parameters["options"]["batch_size"] == 77
    assert deployment.parameters["processed_dir"] == "/tmp/done"
    from flows.pipeline import default_task_runner
    runner = default_task_runner()
    assert type(runner).__name__ == "ThreadPoolTaskRunner" and runner._max_workers == 3
