"""Scheduled runs: deployments of the entry flows with a cron schedule, served by this process.

Prefect cannot schedule on its temporary server (STACK-NOTES): serving needs a real Prefect
server (`prefect server start`, with PREFECT_API_URL pointing at it). Runs of one deployment never
overlap: the deployment's concurrency limit is 1. What happens to a run that fires while the
previous one is still going is the deployment's queue policy (QUEUE_POLICY): a fetch or an inbox run
is cancelled (it would read the same feeds or folder again, and the next one comes within the hour),
a reprocess is queued. A run whose process died frees the slot after GRACE_SECONDS. Across
deployments, the warehouse's writer lock serialises writers; a run waits for it up to
lock_wait_seconds, then fails visibly (Failed in Prefect, failed in pipeline_runs).
"""
from __future__ import annotations

import os
from typing import Any

from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy

DEPLOYMENT_TAGS = ["ruaz"]
QUEUE_POLICY = {"fetch": ConcurrencyLimitStrategy.CANCEL_NEW, "run": ConcurrencyLimitStrategy.CANCEL_NEW,
                "reprocess": ConcurrencyLimitStrategy.ENQUEUE}
GRACE_SECONDS = 60


def scheduled_flows() -> dict[str, Any]:
    """The entry flows that can be scheduled, by the name used on the command line."""
    from flows.live import fetch_pipeline
    from flows.pipeline import reprocess_pipeline, run_pipeline

    return {"fetch": fetch_pipeline, "run": run_pipeline, "reprocess": reprocess_pipeline}


def check_parameters(entry_flow, parameters: dict[str, Any]) -> None:
    """Raise ``prefect.exceptions.ParameterTypeError`` (or ``ParameterBindError``) when a parameter
    is not one of the flow's, has the wrong type, or names an option its model does not have: a
    deployment must not run for weeks with a setting it silently ignores."""
    entry_flow.validate_parameters(parameters)


def build_deployment(flow_name: str, *, name: str, cron: str, parameters: dict[str, Any],
                     timezone: str | None = None):
    """A RunnerDeployment of one entry flow on a cron schedule (nothing is sent to a server);
    its parameters are checked against the flow's signature first."""
    flows = scheduled_flows()
    if flow_name not in flows:
        raise ValueError(f"cannot schedule {flow_name!r}; choose one of {', '.join(flows)}")
    check_parameters(flows[flow_name], parameters)
    from prefect.schedules import Cron

    return flows[flow_name].to_deployment(
        name=name,
        schedules=[Cron(cron, timezone=timezone) if timezone else Cron(cron)],
        parameters=parameters,
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=QUEUE_POLICY[flow_name],
                                                 grace_period_seconds=GRACE_SECONDS),
        tags=DEPLOYMENT_TAGS,
        description=f"ruaz {flow_name} on the schedule {cron!r}",
    )


class NoServerError(RuntimeError):
    pass


def serve(deployments) -> None:
    """Register the deployments with the Prefect server and run their scheduled flow runs here."""
    if not os.environ.get("PREFECT_API_URL"):
        raise NoServerError(
            "scheduling needs a Prefect server: start one with `.venv/bin/prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (see README, 'Scheduled runs')")
    from prefect import serve as prefect_serve

    prefect_serve(*deployments)
