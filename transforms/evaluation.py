"""Score extracted mentions against gold annotations (format: ../shared/eval/GUIDELINES.md).

The definitions follow ``../shared/eval/score.py`` exactly, so both report the same figures:
a system mention matches a gold one when the spans overlap (one-to-one, largest overlap
first); span-F1 counts matches, value-F1 also needs the value to agree (dates: the TIMEX
string; counts: number and kind; documents: type). The meaning fields (GUIDELINES v2: date role
and event type, count unit, measure and period) are scored on span matches whose gold item
carries the field: accuracy, and P/R/F1 of period links; a column the system does not have scores
as NULL. Pure: records in, a result dict out.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

KINDS = ("dates", "counts", "documents")
# The columns score.py reads per kind; misses and spurious rows are printed with exactly these.
COLUMNS = {
    "dates": ("article_id", "start_char", "end_char", "value"),
    "counts": ("article_id", "start_char", "end_char", "value", "kind", "qualifier"),
    "documents": ("article_id", "start_char", "end_char", "doc_type", "document_id"),
}
# The meaning columns score.py reads when the table has them (NULL otherwise), after COLUMNS.
MEANING_COLUMNS = {
    "dates": ("role", "event_type"),
    "counts": ("unit", "measure", "period_start_char", "period_end_char"),
    "documents": (),
}

Span = tuple[int, int, Mapping[str, Any]]


def gold_spans(text: str, items: Sequence[Mapping[str, Any]]) -> list[Span | None]:
    """Place gold items in the text by their surface text and 1-based occurrence."""
    out: list[Span | None] = []
    for item in items:
        pos = -1
        for _ in range(item.get("occurrence", 1)):
            pos = text.find(item["text"], pos + 1)
            if pos < 0:
                break
        out.append(None if pos < 0 else (pos, pos + len(item["text"]), item))
    return out


def match(gold: Sequence[Span], system: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Greedy one-to-one matching by overlap length (ties: gold order, then system order)."""
    candidates = []
    for gi, (gs, ge, _) in enumerate(gold):
        for si, (ss, se, _) in enumerate(system):
            overlap = min(ge, se) - max(gs, ss)
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_gold, used_system, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        pairs.append((gold[gi], system[si]))
    return pairs


def same_value(kind: str, gold: Mapping[str, Any], system: Mapping[str, Any]) -> bool:
    if kind == "dates":
        return system.get("value") is not None and str(system["value"]).strip() == gold["value"]
    if kind == "counts":
        try:
            gv, sv = float(gold["value"]), float(system["value"])
        except (TypeError, ValueError):
            return False
        close = abs(gv - sv) <= 1e-6 * max(1.0, abs(gv))
        return close and (system.get("kind") or "cardinal") == gold.get("kind", "cardinal")
    if kind == "documents":
        return system.get("doc_type") == gold["type"]
    raise ValueError(kind)


class Meaning:
    """Tallies of the meaning fields, per language."""

    def __init__(self) -> None:
        self.accuracy: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])   # (field, lang) -> right, total
        self.links: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])                # lang -> tp, fp, fn

    def right(self, field: str, language: str, ok: bool) -> None:
        for key in ((field, language), (field, "all")):
            self.accuracy[key][0] += bool(ok)
            self.accuracy[key][1] += 1

    def period(self, language: str, tp: int, fp: int, fn: int) -> None:
        for key in (language, "all"):
            tally = self.links[key]
            tally[0] += tp
            tally[1] += fp
            tally[2] += fn

    def report(self) -> dict[str, Any]:
        out: dict[str, Any] = {f"{f}.{lang}": round(r / n, 3) for (f, lang), (r, n) in sorted(self.accuracy.items()) if n}
        out.update({f"period.{lang}": prf(tp, tp + fp, tp + fn) for lang, (tp, fp, fn) in sorted(self.links.items())})
        return out


def score_meaning(kind: str, language: str, text: str, gi: Mapping[str, Any], si: Mapping[str, Any],
                  meaning: Meaning, wrong: Any) -> None:
    """Tally the meaning fields of one span match; ``wrong(what)`` records a miss."""
    if kind == "dates" and "role" in gi:
        ok = si.get("role") == gi["role"]
        meaning.right("role", language, ok)
        if not ok:
            wrong("role")
        if gi["role"] == "event":
            ok = si.get("role") == "event" and si.get("event_type") == gi.get("event")
            meaning.right("event", language, ok)
            if not ok:
                wrong("event")
    if kind == "counts" and "unit" in gi and gi.get("kind") != "ordinal":
        ok = si.get("unit") == gi["unit"]
        meaning.right("unit", language, ok)
        if not ok:
            wrong("unit")
    if kind == "counts" and gi.get("kind") == "money" and "measure" in gi:
        ok = si.get("measure") == gi["measure"]
        meaning.right("measure", language, ok)
        if not ok:
            wrong("measure")
    if kind == "counts" and "period" in gi:
        gold_period = gi["period"]
        gold_span = None
        if gold_period:
            placed = gold_spans(text, [gold_period])[0]
            gold_span = placed[:2] if placed else None
        system_span = ((si["period_start_char"], si["period_end_char"])
                       if si.get("period_start_char") is not None else None)
        hit = (gold_span is not None and system_span is not None
               and min(gold_span[1], system_span[1]) > max(gold_span[0], system_span[0]))
        tp, fp, fn = int(hit), int(system_span is not None and not hit), int(gold_span is not None and not hit)
        meaning.period(language, tp, fp, fn)
        if fp or fn:
            wrong("period")


def prf(tp: int, n_system: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_system if n_system else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score(
    gold: Iterable[Mapping[str, Any]],
    articles: Mapping[str, tuple[str | None, str]],
    system: Mapping[str, Mapping[str, Sequence[Mapping[str, Any]]]],
    max_errors: int = 0,
) -> dict[str, Any]:
    """Score system mentions against gold records.

    articles: article_id -> (language, text).
    system: kind ("dates"|"counts"|"documents") -> article_id -> rows, each row a mapping with
    start_char, end_char, the value columns (value, kind, qualifier, doc_type, document_id) and
    the meaning columns it has (MEANING_COLUMNS; a missing one is None).
    """
    gold = list(gold)
    tallies: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    missing: list[str] = []
    unaligned = 0
    qualifier_hits = [0, 0]
    link_pairs: list[tuple[str, Any]] = []
    errors: dict[str, list[str]] = defaultdict(list)
    meaning = Meaning()
    for record in gold:
        if record["id"] not in articles:
            missing.append(record["id"])
            continue
        language, text = articles[record["id"]]
        language = (language or "??")[:2]
        for kind in KINDS:
            placed = gold_spans(text, record.get(kind, []))
            unaligned += sum(1 for x in placed if x is None)
            gs = [x for x in placed if x is not None]
            ss = [(r["start_char"], r["end_char"], r) for r in system.get(kind, {}).get(record["id"], [])]
            pairs = match(gs, ss)
            value_tp = 0
            for (_, _, gi), (_, _, si) in pairs:
                ok = same_value(kind, gi, si)
                value_tp += ok

                def wrong(what: str, gi=gi, si=si) -> None:
                    if len(errors["meaning"]) < max_errors:
                        errors["meaning"].append(f"{record['id']} {what}: gold {dict(gi)} system {_public(kind, si)}")

                score_meaning(kind, language, text, gi, si, meaning, wrong)
                if not ok and len(errors[kind]) < max_errors:
                    errors[kind].append(f"{record['id']} wrong value: gold {dict(gi)} system {_public(kind, si)}")
                if kind == "counts" and ok:
                    qualifier_hits[1] += 1
                    qualifier_hits[0] += (si.get("qualifier") or "exact") == gi.get("qualifier", "exact")
                if kind == "documents" and gi.get("canonical"):
                    link_pairs.append((gi["canonical"], si.get("document_id")))
            if max_errors:
                matched_gold = {id(p[0]) for p in pairs}
                matched_system = {id(p[1]) for p in pairs}
                for x in gs:
                    if id(x) not in matched_gold and len(errors[kind]) < max_errors:
                        errors[kind].append(f"{record['id']} missed: {dict(x[2])}")
                for x in ss:
                    if id(x) not in matched_system and len(errors[kind]) < max_errors:
                        errors[kind].append(f"{record['id']} spurious: {text[x[0]:x[1]]!r} {_public(kind, x[2])}")
            for key in ((kind, language), (kind, "all")):
                t = tallies[key]
                t[0] += len(pairs)
                t[1] += value_tp
                t[2] += len(ss)
                t[3] += len(gs)

    # Document linking: pairwise precision/recall over matched mentions that have a gold canonical.
    tp = fp = fn = 0
    for i in range(len(link_pairs)):
        for j in range(i + 1, len(link_pairs)):
            gold_same = link_pairs[i][0] == link_pairs[j][0]
            a, b = link_pairs[i][1], link_pairs[j][1]
            system_same = a is not None and a == b
            tp += gold_same and system_same
            fp += system_same and not gold_same
            fn += gold_same and not system_same
    linking = prf(tp, tp + fp, tp + fn) if link_pairs else None

    result: dict[str, Any] = {
        "articles_scored": len(gold) - len(missing),
        "articles_missing": missing,
        "gold_unaligned": unaligned,
        "count_qualifier_accuracy": round(qualifier_hits[0] / qualifier_hits[1], 3) if qualifier_hits[1] else None,
        "document_linking_pairwise_prf": linking,
        "meaning": meaning.report(),
        "scores": {},
        "errors": dict(errors),
    }
    for (kind, language), (st, vt, ns, ng) in sorted(tallies.items()):
        result["scores"][f"{kind}.{language}"] = {
            "span_prf": prf(st, ns, ng), "value_prf": prf(vt, ns, ng), "system": ns, "gold": ng,
        }
    return result


def _public(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: row.get(k) for k in (*COLUMNS[kind], *MEANING_COLUMNS[kind])}


def format_report(result: Mapping[str, Any]) -> str:
    """The same text layout as ../shared/eval/score.py, so the two can be compared line by line."""
    lines = [
        f"articles scored {result['articles_scored']}, missing {len(result['articles_missing'])}, "
        f"gold mentions not found in stored text {result['gold_unaligned']}",
        f"{'kind.lang':16} {'span P/R/F1':>20} {'value P/R/F1':>20} {'sys':>5} {'gold':>5}",
    ]
    for k, v in result["scores"].items():
        lines.append(f"{k:16} {str(v['span_prf']):>20} {str(v['value_prf']):>20} {v['system']:>5} {v['gold']:>5}")
    lines.append(f"count qualifier accuracy (on value matches): {result['count_qualifier_accuracy']}")
    lines.append(f"document linking pairwise P/R/F1: {result['document_linking_pairwise_prf']}")
    if result.get("meaning"):
        lines.append("meaning (accuracy on span matches; period: link P/R/F1):")
        lines.extend(f"  {k:16} {v}" for k, v in result["meaning"].items())
    for kind, errs in result.get("errors", {}).items():
        lines.extend(f"[{kind}] {e}" for e in errs)
    return "\n".join(lines)
