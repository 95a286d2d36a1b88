"""`ruaz export` writes the analyst views (timeline, figures) beside the snapshot as Parquet, with the
same rows as the views of the warehouse and each column described in the file."""
from __future__ import annotations

import polars as pl
import pyarrow.parquet as pq

from flows.cli import main
from helpers import query
from sample_warehouse import build_sample_warehouse


def test_export_writes_the_views_with_their_rows_and_descriptions(tmp_path, capsys):
    db = build_sample_warehouse(tmp_path / "w.duckdb")
    out = tmp_path / "export"
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    for view in ("timeline", "figures"):
        path = out / "views" / f"{view}.parquet"
        frame = pl.read_parquet(path)
        [(n_rows,)] = query(db, f"SELECT count(*) FROM {view}")
        assert frame.height == n_rows and f"{view}.parquet" in printed
        assert frame.columns == [c for c, *_ in query(db, f"DESCRIBE {view}")]
        metadata = pq.read_metadata(path).metadata
        assert metadata[b"ruaz_table"] == view.encode() and b"ruaz.column.sentence" in metadata
    assert query(db, "SELECT count(*) FROM timeline WHERE event_type = 'signing'")[0][0] > 0
    assert not list((out / "views").glob(".*"))        # nothing written aside is left
    # a second export replaces the files whole
    assert main(["export", "--db", str(db), "--out", str(out)]) == 0
    assert sorted(p.name for p in (out / "views").iterdir()) == ["figures.parquet", "timeline.parquet"]
