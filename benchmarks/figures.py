"""One measured figure, its baseline, its goal and the verdict; and the table they make."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

GoalOn = Literal["measured", "ratio"]


@dataclass
class Figure:
    """A figure as measured and as a multiple of the baseline measured in the same run.

    ``goal_on`` says which of the two the goal bounds (``measured <= goal`` or
    ``ratio <= goal``). ``not_run`` holds the reason when the figure could not be taken.
    """

    benchmark: str
    name: str
    unit: str
    measured: float | None
    baseline: float | None
    goal: float | None = None
    goal_on: GoalOn = "measured"
    baseline_label: str = ""
    note: str = ""
    not_run: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.measured is None or self.baseline is None or self.baseline <= 0:
            return None
        return self.measured / self.baseline

    @property
    def verdict(self) -> str:
        if self.not_run is not None:
            return "not run"
        if self.goal is None:
            return "info"
        value = self.ratio if self.goal_on == "ratio" else self.measured
        if value is None:
            return "n/a"
        return "pass" if value <= self.goal else "FAIL"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["verdict"] = self.verdict
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Figure:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def goal_text(figure: Figure) -> str:
    if figure.goal is None:
        return "—"
    if figure.goal_on == "ratio":
        return f"≤ {figure.goal:g}× baseline"
    return f"≤ {_number(figure.goal, figure.unit)}"


def rows(figures: list[Figure]) -> list[list[str]]:
    """Table cells: benchmark, figure, measured, baseline, ratio, goal, verdict."""
    table = []
    for f in figures:
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        baseline = _number(f.baseline, f.unit)
        if f.baseline_label and f.baseline is not None:
            baseline = f"{baseline} ({f.baseline_label})"
        measured = _number(f.measured, f.unit) if f.not_run is None else f"not run: {f.not_run}"
        table.append([f.benchmark, f.name, measured, baseline, ratio, goal_text(f), f.verdict])
    return table


HEADER = ["benchmark", "figure", "measured", "baseline", "ratio", "goal", "verdict"]


def text_table(figures: list[Figure]) -> str:
    cells = [HEADER, *rows(figures)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(HEADER))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(figures: list[Figure]) -> str:
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows(figures)]
    return "\n".join(out)
