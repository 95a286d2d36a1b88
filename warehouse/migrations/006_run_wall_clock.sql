-- 006: a run records when it really ran. started_at and finished_at are wall-clock times (UTC)
-- measured by the run; the run's date (a scheduled run's scheduled start time) is scheduled_at;
-- snapshot_id names the lake snapshot that published the run (warehouse/lake.py).
ALTER TABLE pipeline_runs ADD COLUMN scheduled_at TIMESTAMP;
ALTER TABLE pipeline_runs ADD COLUMN snapshot_id VARCHAR;
UPDATE pipeline_runs SET scheduled_at = started_at;
