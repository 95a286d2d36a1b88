"""Schedules and deployments, checked without a long-running server."""
from __future__ import annotations

import importlib

import pytest
import yaml
from prefect.client.schemas.objects import ConcurrencyLimitStrategy
from prefect.schedules import Cron

from conftest import ROOT
from flows.schedule import NoServerError, build_deployment, serve


def test_built_deployment_has_schedule_parameters_and_no_overlap():
    params = {"inputs": ["/srv/inbox"], "db": "/srv/ruaz.duckdb", "export_dir": None,
              "options": {"task_runner": "thread", "workers": 1}}
    deployment = build_deployment("run", name="hourly", cron="0 * * * *", parameters=params, timezone="Asia/Baku")
    [schedule] = deployment.schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("0 * * * *", "Asia/Baku")
    assert deployment.parameters == params
    assert deployment.entrypoint == "flows/pipeline.py:run_pipeline"
    assert deployment.concurrency_limit == 1
    assert deployment.concurrency_options.collision_strategy == ConcurrencyLimitStrategy.ENQUEUE


def test_serve_builds_a_valid_fetch_deployment(monkeypatch):
    from flows.cli import build_parser
    from flows import schedule

    built = {}
    monkeypatch.setattr(schedule, "serve", lambda deployments: built.setdefault("d", deployments))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    args = build_parser().parse_args(["serve", "--cron", "*/30 * * * *", "--flow", "fetch", "--db", "/srv/w.duckdb"])
    from flows.settings import get_settings
    assert args.func(args, get_settings()) == 0
    [deployment] = built["d"]
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
        assert deployment["concurrency_limit"] == {"limit": 1, "collision_strategy": "ENQUEUE"}
        assert (ROOT / deployment["entrypoint"].split(":")[0]).exists()
