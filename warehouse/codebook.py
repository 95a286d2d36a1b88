"""docs/codebook.md, generated from the table declarations (warehouse/tables/).

    .venv/bin/python scripts/codebook.py            # rewrite docs/codebook.md
    .venv/bin/python scripts/codebook.py --check    # exit 1 when it is out of date

The rule names of the mention tables come from the extractors (transforms.extract.rule_catalog),
their families' meanings from the declarations.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from warehouse.tables import LAYERS, TABLES, VIEWS, Column, Table, View

CODEBOOK_PATH = Path(__file__).resolve().parents[1] / "docs" / "codebook.md"
# what a foreign key check compares with (expectations/checks.py KNOWN_KEYS)
KNOWN = {"articles": "an article loaded in the same run",
         "documents": "a document already stored, in the registry or found in the same run"}
LANGUAGE_NAMES = {"all": "every language", "az": "Azerbaijani", "ru": "Russian", "en": "English"}

INTRODUCTION = """\
What every table and view of the ruaz warehouse holds, column by column: type, meaning, unit,
allowed values (each explained), where values come from and how they are normalised, and the
checks a row passes before it is loaded. The same descriptions are in the warehouse itself
(DuckDB `COMMENT ON`: `SELECT comment FROM duckdb_columns() WHERE table_name = 'date_mentions'`),
in each exported Parquet file (key-value metadata `ruaz.column.<name>`) and in the export's
`_manifest.json` (the schema of every exported table).

This file is generated from the table declarations in `warehouse/tables/` by
`.venv/bin/python scripts/codebook.py`; do not edit it by hand (a test fails when it is out of date).

## Conventions

- **Offsets** (`start_char`, `end_char`) are Python string indices into `articles.text`, counted in
  Unicode code points from 0, end exclusive: `articles.text[start_char:end_char] == text`.
- **Times** (`*_at`) are UTC without a time zone. A run stamps its rows with the run's date (the
  scheduled start of a scheduled run), not the wall clock of each row.
- **Names**: `*_id` identifies, `*_at` is a time, `is_*` a yes/no, `n_*` a count, `*_sha256` a
  SHA-256 digest in lower-case hex.
- **NULL** means unknown or not applicable, never zero or empty.
- **Languages** are ISO 639-1 codes: `az` Azerbaijani, `ru` Russian, `en` English.
- **Dates** in `date_mentions.value` are TIMEX-style: `2022-02-22`, `2022-02`, `2022`; `X` for a
  digit the text leaves open (`XXXX-02-22`); a range joins its ends with `/` (`2022-01/2022-03`).
- **Checks**: every row is checked before it is loaded (Great Expectations suites built from the
  same declarations). A row that fails goes whole to `quarantine` with the names of the checks it
  failed; the rest of the run loads. Rows the pipeline writes about itself (`pipeline_runs`,
  `quarantine`) stop the run instead.
"""


def render_codebook() -> str:
    from transforms.extract import rule_catalog

    catalog = rule_catalog()
    out = ["# ruaz codebook", "", INTRODUCTION, "## Layers", ""]
    out += [f"- **{layer}**: {description}." for layer, description in LAYERS.items()]
    out += ["", "## Tables at a glance", "", "| table | layer | grain | one row is |", "| --- | --- | --- | --- |"]
    out += [f"| [`{t.name}`](#{t.name}) | {t.layer} | {', '.join(t.grain)} | {_cell(_first_sentence(t.description))} |"
            for t in TABLES.values()]
    out += ["", "## Views at a glance", "", "| view | grain | what |", "| --- | --- | --- |"]
    out += [f"| [`{v.name}`](#{v.name}) | {_cell(v.grain)} | {_cell(_first_sentence(v.description))} |"
            for v in VIEWS.values()]
    for decl in TABLES.values():
        out += _table_section(decl, catalog)
    out += ["", "---", "", "# Views", "",
            "Views are recreated on every run from `warehouse/views.sql`, so they always match the tables."]
    for view in VIEWS.values():
        out += _view_section(view)
    return "\n".join(out).rstrip() + "\n"


def write_codebook(path: Path = CODEBOOK_PATH) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_codebook(), encoding="utf-8")
    return path


def is_current(path: Path = CODEBOOK_PATH) -> bool:
    return Path(path).exists() and Path(path).read_text(encoding="utf-8") == render_codebook()


def _table_section(decl: Table, catalog) -> list[str]:
    out = ["", "---", "", f"## {decl.name}", "",
           f"**Layer:** {decl.layer} · **Grain:** one row per {', '.join(f'`{k}`' for k in decl.grain)} · "
           f"**Written by:** {decl.written_by}", "", decl.description, ""]
    out += _columns_table(decl.columns)
    out += _value_lists(decl.columns, catalog)
    out += _checks(decl)
    return out


def _view_section(view: View) -> list[str]:
    out = ["", f"## {view.name}", "", f"**Grain:** {view.grain}", "", view.description, ""]
    out += _columns_table(view.columns, nullability=False)
    out += _value_lists(view.columns, [], catalogued=False)
    return out


def _columns_table(columns: Iterable[Column], nullability: bool = True) -> list[str]:
    head = "| column | type | null | meaning |" if nullability else "| column | type | meaning |"
    out = [head, "| --- | --- | --- | --- |" if nullability else "| --- | --- | --- |"]
    for c in columns:
        meaning = [c.description, *(f"*{label}:* {text}" for label, text in c.notes())]
        if c.values:
            meaning.append(f"*Values:* {', '.join(f'`{v.value}`' for v in c.values)}"
                           + ("" if c.closed else ", ...") + " (below).")
        if c.catalog:
            meaning.append("*Values:* the rules below.")
        if c.references:
            meaning.append(f"*References* `{c.references.table}.{c.references.column}`.")
        null = ("no" if not c.nullable else "yes, not in new rows" if c.is_required else "yes")
        cells = [f"`{c.name}`", c.type, *([null] if nullability else []), _cell(" ".join(meaning))]
        out.append("| " + " | ".join(cells) + " |")
    return out


def _value_lists(columns: Iterable[Column], catalog, catalogued: bool = True) -> list[str]:
    out = []
    for c in columns:
        if c.values:
            intro = "allowed values" if c.closed else "values known to this version (others may appear)"
            out += ["", f"**`{c.name}`**, {intro}:", "", "| value | meaning |", "| --- | --- |"]
            out += [f"| `{v.value}` | {_cell(v.description)} |" for v in c.values]
        if c.catalog and catalogued:
            out += _rule_list(c, [r for r in catalog if r.dimension == c.catalog])
    return out


def _rule_list(column: Column, rules) -> list[str]:
    out = ["", f"**`{column.name}`**, its {len(rules)} rules by family and language:", ""]
    described = {f.name: f.description for f in column.families}
    families = [f.name for f in column.families] + sorted({r.family for r in rules} - set(described))
    for family in families:
        members = [r for r in rules if r.family == family]
        if not members:
            continue
        out += [f"- **{family}**: {described.get(family, '(no description)')}."]
        for language in ("all", "az", "ru", "en", *sorted({r.language for r in members} - {"all", "az", "ru", "en"})):
            names = [r.rule for r in members if r.language == language]
            if names:
                out.append(f"  - {LANGUAGE_NAMES.get(language, language)}: {', '.join(f'`{n}`' for n in names)}")
    return out


def _checks(decl: Table) -> list[str]:
    if not decl.validated:
        return []
    fate = ("the pipeline's own rows: a failing row stops the run" if decl.strict
            else "a failing row goes to `quarantine`")
    out = ["", f"**Checks before loading** ({fate}):", ""]
    key = ", ".join(f"`{k}`" for k in decl.grain)
    out.append(f"- the key ({key}) is present and unique")
    required = [f"`{c.name}`" for c in decl.columns if c.is_required and c.name not in decl.grain]
    if required:
        out.append(f"- present (not NULL): {', '.join(required)}")
    for c in decl.columns:
        if c.values and c.closed:
            out.append(f"- `{c.name}` is one of the allowed values")
        if c.regex:
            out.append(f"- `{c.name}` matches `{c.regex}`")
        if c.minimum is not None and c.maximum is not None:
            out.append(f"- `{c.name}` is between {_bound(c.minimum)} and {_bound(c.maximum)}")
        elif c.minimum is not None:
            out.append(f"- `{c.name}` is at least {_bound(c.minimum)}")
        elif c.maximum is not None:
            out.append(f"- `{c.name}` is at most {_bound(c.maximum)}")
        if c.references and c.references.check:
            out.append(f"- `{c.name}`{', when set,' if c.nullable else ''} refers to {KNOWN[c.references.table]} "
                       f"(`chk_{c.references.check}`)")
    out += [f"- `{o.first}` <= `{o.then}` when both are known" for o in decl.ordered]
    out += [f"- {r.description} (`chk_{r.name}`)" for r in decl.rules]
    return out


def _bound(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value >= 1e6:
        return f"{value:.0e}".replace("e+", "e")
    return f"{value:g}" if isinstance(value, float) else str(value)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
