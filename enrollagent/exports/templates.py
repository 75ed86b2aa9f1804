"""The wording of messages, from text templates in resources/templates/ that a county may edit:
named fields only, and a template written wrong is refused with a sentence that says where."""

from __future__ import annotations

import string
from pathlib import Path

from ..errors import QT_TRANSLATE_NOOP, EnrollError, register_messages
from ..paths import resource_dir

register_messages(
    {
        "template_missing": QT_TRANSLATE_NOOP("errors", "找不到消息模板 {path}"),
        "template_broken": QT_TRANSLATE_NOOP(
            "errors", "消息模板 {path} 写法有误（{detail}）：字段要写成一对花括号，如 {{户主}}"
        ),
        "template_field": QT_TRANSLATE_NOOP(
            "errors", "消息模板 {path} 里的字段 {{{field}}} 不认识，可用：{known}"
        ),
    }
)


def template_path(name: str) -> Path:
    return resource_dir() / "templates" / f"{name}.txt"


def load_template(name: str) -> tuple[Path, str]:
    """The template's text without its comment lines (those starting with #)."""
    path = template_path(name)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise EnrollError("template_missing", path=str(path)) from None
    lines = [line for line in raw.splitlines() if not line.lstrip().startswith("#")]
    return path, "\n".join(lines).strip()


def fill(name: str, values: dict[str, object]) -> str:
    """The template `name` with its fields replaced. Only plain names are allowed: no {x.y},
    {x[0]} or format specs, so an edited template can neither reach into objects nor crash."""
    path, text = load_template(name)
    known = "、".join("{" + k + "}" for k in values)
    out = []
    try:
        for literal, field, spec, conversion in string.Formatter().parse(text):
            out.append(literal)
            if field is None:
                continue
            if field not in values or spec or conversion:
                raise EnrollError("template_field", path=str(path), field=field, known=known)
            out.append(str(values[field]))
    except ValueError:
        raise EnrollError("template_broken", path=str(path), detail="花括号不成对") from None
    return "".join(out)
