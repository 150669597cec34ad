"""``info(name)`` and the provenance text shown by ``help()`` on a dataset."""

from dataclasses import asdict, dataclass, field

from nkcourse.data import catalog


def _column_line(column: dict) -> str:
    unit = f" [{column['unit']}]" if column.get("unit") else ""
    limits = ""
    if "allowed" in column:
        limits = f" One of: {', '.join(map(str, column['allowed']))}."
    elif "range" in column:
        low, high = column["range"]
        limits = (
            f" Range: {low if low is not None else '…'} to {high if high is not None else '…'}."
        )
    return f"  {column['name']} ({column['dtype']}{unit}): {column['meaning']}{limits}"


def provenance(name: str) -> str:
    """Description, sources, licence, teaching notes and columns, as plain text."""
    spec = catalog.spec(name)
    lines = [f"{spec['title']} (nkcourse dataset {name!r})", "", spec["description"], ""]
    lines.append("Sources:")
    for source in spec["sources"]:
        lines.append(f"  - {source['name']}: {source['reliability']}")
    lines += ["", f"Licence: {spec['licence']}", ""]
    if spec.get("teaching_notes"):
        lines.append("Disagreements and caveats:")
        lines += [f"  - {note}" for note in spec["teaching_notes"]]
        lines.append("")
    lines.append(f"Columns (one row per {', '.join(spec['unique_key'])}):")
    lines += [_column_line(column) for column in spec["columns"]]
    return "\n".join(lines)


@dataclass(repr=False)
class DatasetInfo:
    """What ``data.info(name)`` returns: readable when printed, a dict via ``to_dict()``."""

    name: str
    title: str
    description: str
    file: str
    rows: int
    sha256: str
    licence: str
    unique_key: list[str]
    sources: list[dict] = field(default_factory=list)
    columns: list[dict] = field(default_factory=list)
    teaching_notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return (
            f"{provenance(self.name)}\n\nRows: {self.rows}\nFile: {self.file}\n"
            f"SHA-256: {self.sha256}"
        )

    __repr__ = __str__


def info(name: str) -> DatasetInfo:
    """Description, columns with units, sources, licence, row count and SHA-256 of ``name``;
    the file is verified against the manifest first."""
    import copy

    from nkcourse import integrity
    from nkcourse.data.loader import parsed

    spec = copy.deepcopy(catalog.spec(name))
    rows = len(parsed(name))
    return DatasetInfo(
        name=name,
        title=spec["title"],
        description=spec["description"],
        file=spec["file"],
        rows=rows,
        sha256=integrity.read_manifest(catalog.FILES_DIR)[spec["file"]],
        licence=spec["licence"],
        unique_key=spec["unique_key"],
        sources=spec["sources"],
        columns=spec["columns"],
        teaching_notes=spec.get("teaching_notes", []),
    )
