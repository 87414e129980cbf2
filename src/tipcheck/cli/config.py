"""Configuration: find it, validate it, and merge it with the command line into the settings of a run.

Where it comes from, first found wins: `--config PATH`; else, walking up from the working directory to the
repository root (a directory holding .git), the first directory with a `.tipcheck.yaml` (or `.tipcheck.yml`)
or a `pyproject.toml` with a `[tool.tipcheck]` table (the YAML file wins when a directory has both).
Command-line options override the file; the file overrides the defaults. Every value remembers its source,
for `tipcheck config show`.
"""

from __future__ import annotations

import json
import os
from dataclasses import field
from pathlib import Path
from typing import Any

from tipcheck import rules
from tipcheck.errors import ConfigError
from tipcheck.findings import Severity
from tipcheck.frozen import frozen
from tipcheck.settings import Ignore, Settings

YAML_NAMES = (".tipcheck.yaml", ".tipcheck.yml")
PYPROJECT = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"
NEVER = "never"  # the fail-on value that no severity reaches
DEFAULTS: dict[str, Any] = {"questionnaire": None, "fail-on": "error", "min-severity": "info", "redact": None,
                            "seeking-phrases": [], "rules": {}, "ignore": []}


@frozen
class ConfigFile:
    """A validated configuration file: its values, and where it is."""

    path: Path
    values: dict[str, Any]
    table: str | None = None  # "[tool.tipcheck]" for pyproject.toml

    @property
    def source(self) -> str:
        return f"{self.path} {self.table}" if self.table else str(self.path)


@frozen
class Effective:
    """The configuration a run uses, with the source of each value."""

    settings: Settings
    fail_on: str
    min_severity: str
    redact: bool | None  # None: the format decides
    sources: dict[str, str] = field(default_factory=dict)  # key (rules.ID and ignore[i] too) -> source
    file: ConfigFile | None = None

    @property
    def fail_threshold(self) -> Severity | None:
        return None if self.fail_on == NEVER else Severity.parse(self.fail_on)

    @property
    def min_severity_level(self) -> Severity:
        return Severity.parse(self.min_severity)


def _schema() -> dict[str, Any]:
    # the package's folder from this file's place: importlib.resources.files would import zipfile (~5 ms)
    text = (Path(__file__).parent.parent / "schemas" / "config.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _key_path(parts: list[str | int]) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def validate(data: object, source: str) -> dict[str, Any]:
    """The configuration as a dict, or ConfigError naming the offending key's path."""
    if data is None:
        return {}
    import jsonschema  # imported here: most runs have no configuration file, and the import costs 0.1 s

    validator = jsonschema.Draft202012Validator(_schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = _key_path(list(error.absolute_path))
        message = error.message
        if error.validator == "anyOf" and list(error.absolute_path)[:1] == ["ignore"]:
            message = "an ignore must name at least one of files, rule or question"
        elif error.validator == "pattern" and list(error.absolute_path)[-1:] == ["reason"]:
            message = "the reason must not be empty"
        elif error.validator == "required" and "reason" in error.message:
            message = "every ignore needs a reason (why this finding is acceptable)"
        raise ConfigError(f"{source}: {where}: {message}")
    assert isinstance(data, dict)
    known = rules.registry()
    for rule_id in data.get("rules", {}):
        if rule_id not in known:
            raise ConfigError(f"{source}: rules.{rule_id}: unknown rule {rule_id!r} (see 'tipcheck rules')")
    for i, entry in enumerate(data.get("ignore", [])):
        if "rule" in entry and entry["rule"] not in known:
            raise ConfigError(f"{source}: ignore[{i}].rule: unknown rule {entry['rule']!r} (see 'tipcheck rules')")
    return data


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None


def _pyproject_table(path: Path) -> object | None:
    import tomllib  # only where a pyproject.toml is read

    try:
        data = tomllib.loads(_read(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    tool = data.get("tool")
    table = tool.get("tipcheck") if isinstance(tool, dict) else None
    return table


def load(path: Path) -> ConfigFile:
    """Read and validate one configuration file (.tipcheck.yaml or pyproject.toml)."""
    if path.name == PYPROJECT or path.suffix == ".toml":
        table = _pyproject_table(path)
        if table is None:
            raise ConfigError(f"{path}: has no [tool.tipcheck] table")
        source = f"{path} [tool.tipcheck]"
        return ConfigFile(path, validate(table, source), "[tool.tipcheck]")
    import yaml  # here: most runs have no configuration file, or a pyproject.toml

    try:
        data = yaml.safe_load(_read(path))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: not valid YAML: {where}{problem}") from None
    return ConfigFile(path, validate(data, str(path)))


def discover(start: Path | None = None) -> Path | None:
    """The configuration file that applies in `start` (default: the working directory), if any."""
    directory = (start or Path.cwd()).resolve()
    while True:
        for name in YAML_NAMES:
            if (directory / name).is_file():
                return directory / name
        pyproject = directory / PYPROJECT
        # a file that never names tipcheck holds no [tool.tipcheck] table: not parsed (tomllib takes ~7 ms to start)
        if pyproject.is_file() and "tipcheck" in _read(pyproject) and _pyproject_table(pyproject) is not None:
            return pyproject
        if (directory / ".git").exists() or directory.parent == directory:
            return None
        directory = directory.parent


def _relative_to(base: Path, value: str) -> str:
    """A path written in a configuration file means a path relative to that file."""
    return value if os.path.isabs(value) else os.path.normpath(os.path.join(base, value))


def _ignore(entry: dict[str, Any], base: Path | None) -> Ignore:
    files = entry.get("files", "*")
    if base is not None and "/" in files:
        files = _relative_to(base, files)
    return Ignore(reason=entry["reason"], files=files, rule=entry.get("rule"), question=entry.get("question"))


def _severity(value: str | bool) -> Severity | None:
    return None if value in ("off", False) else Severity.parse(str(value))


def resolve(cli: dict[str, Any], config_path: str | None = None, use_config: bool = True,
            use_ignores: bool = True) -> Effective:
    """Merge defaults, the configuration file and the command line (`cli`: key -> value or None)."""
    file: ConfigFile | None = None
    if config_path is not None:
        file = load(Path(config_path))
    elif use_config:
        found = discover()
        file = load(found) if found is not None else None
    values = dict(DEFAULTS)
    sources = dict.fromkeys(DEFAULTS, DEFAULT)
    base = file.path.resolve().parent if file else None
    if file:
        for key, value in file.values.items():
            values[key] = value
            sources[key] = file.source
        if isinstance(values["questionnaire"], str) and values["questionnaire"].endswith((".yaml", ".yml")):
            assert base is not None
            values["questionnaire"] = _relative_to(base, values["questionnaire"])
    for key, value in cli.items():
        if value is not None:
            values[key] = value
            sources[key] = COMMAND_LINE
    severities = {rule_id: _severity(v) for rule_id, v in values["rules"].items()}
    for rule_id in values["rules"]:
        sources[f"rules.{rule_id}"] = sources["rules"]
    ignores = tuple(_ignore(e, base) for e in values["ignore"])
    settings = Settings(questionnaire=values["questionnaire"], severities=severities,
                        extra_seeking_phrases=tuple(values["seeking-phrases"]), ignores=ignores,
                        use_ignores=use_ignores)
    return Effective(settings, values["fail-on"], values["min-severity"], values["redact"], sources, file)


def describe(effective: Effective) -> list[tuple[str, str, str]]:
    """(key, value, source) rows for `tipcheck config show`."""
    s = effective.settings
    src = effective.sources
    rows = [
        ("config file", str(effective.file.source) if effective.file else "(none found)", ""),
        ("questionnaire", s.questionnaire or "(chosen from each cable)", src["questionnaire"]),
        ("fail-on", effective.fail_on, src["fail-on"]),
        ("min-severity", effective.min_severity, src["min-severity"]),
        ("redact", {None: "(by format: github, gitlab and junit redact)", True: "yes", False: "no"}[effective.redact],
         src["redact"]),
        ("seeking-phrases", ", ".join(repr(p) for p in s.extra_seeking_phrases) or "(none)",
         src["seeking-phrases"]),
    ]
    for info in rules.registry().values():
        if info.id in s.severities:
            level = s.severities[info.id]
            rows.append((f"rules.{info.id}", str(level) if level is not None else "off", src[f"rules.{info.id}"]))
        else:
            rows.append((f"rules.{info.id}", str(info.default_severity), DEFAULT))
    for i, ig in enumerate(s.ignores):
        what = ", ".join(f"{k}={v}" for k, v in (("files", ig.files), ("rule", ig.rule), ("question", ig.question))
                         if v is not None)
        rows.append((f"ignore[{i}]", f"{what} — {ig.reason}", src["ignore"]))
    if not s.use_ignores and s.ignores:
        rows.append(("ignores", "disabled (--no-ignores)", COMMAND_LINE))
    return rows
