"""Response dumping without marshmallow's per-value machinery, with marshmallow's result.

The response schemas shape what the services return (plain dicts) into JSON-ready dicts. On a
page of claims marshmallow spends most of its time finding each value (``Schema.get_attribute``
→ ``utils.get_value`` → ``Field.serialize``) rather than converting it. ``compile_dumper`` turns
a schema into a function that does the same walk once planned: for each field, in the schema's
order, the value is looked up as marshmallow looks it up (a mapping's key, else the attribute)
and converted by the field's own ``_serialize`` (a nested schema or a list of them by its own
compiled function). Whatever the plan does not know it hands to marshmallow: a schema with
dump hooks (``pre_dump``/``post_dump``), ``only``/``exclude``, dotted attributes, dump
defaults, or fields other than plain value fields, ``Nested`` and ``List`` are dumped field by
field through ``Field.serialize``, or whole by ``Schema.dump``. ``tests/api/test_fast_dump.py``
checks every response of the API byte for byte against marshmallow's own dump.
"""
from __future__ import annotations

from collections.abc import Callable

from marshmallow import Schema, fields
from marshmallow.utils import missing

ENABLED = True  # (tests switch it off to compare with marshmallow's own dump)
_HOOKS = ("pre_dump", "post_dump")


def _lookup(obj, key: str):
    """``obj[key]`` for a mapping (or anything indexable), else ``getattr`` — marshmallow's
    ``utils._get_value_for_key`` for a key without dots; ``missing`` when absent."""
    if not hasattr(obj, "__getitem__"):
        return getattr(obj, key, missing)
    try:
        return obj[key]
    except (KeyError, IndexError, TypeError, AttributeError):
        return getattr(obj, key, missing)


def _plain(schema: Schema) -> bool:
    """Whether the schema dumps as its fields alone (no hooks, no field selection)."""
    hooks = getattr(schema, "_hooks", None) or {}
    if any(hooks.get(tag) for tag in _HOOKS):
        return False
    return not schema.only and not schema.exclude and type(schema).get_attribute is Schema.get_attribute


def _value_plan(field: fields.Field, compiled: dict) -> Callable | None:
    """How to convert a present value of ``field`` (None: ask marshmallow for this field)."""
    if isinstance(field, fields.Nested) and not isinstance(field, fields.Pluck):
        if field.only or field.exclude or field.many:
            return None
        inner = _compile(field.schema, compiled)
        if inner is None or field.schema.many:
            return None
        return lambda value: None if value is None else inner(value)
    if isinstance(field, fields.List):
        inner = _value_plan(field.inner, compiled)
        if inner is None:
            return None
        return lambda value: None if value is None else [inner(each) for each in value]
    if type(field).serialize is not fields.Field.serialize or isinstance(field, (fields.Method, fields.Function,
                                                                                 fields.Pluck, fields.Constant)):
        return None
    convert = field._serialize
    return lambda value: convert(value, None, None)


def _compile(schema: Schema, compiled: dict) -> Callable | None:
    """The dump function of one object for ``schema``, or None when marshmallow must dump it."""
    if id(schema) in compiled:
        return compiled[id(schema)]
    if not _plain(schema):
        compiled[id(schema)] = None
        return None
    steps = []
    for name, field in schema.dump_fields.items():
        attribute = field.attribute or name
        key = field.data_key if field.data_key is not None else name
        convert = None
        if "." not in attribute and field.dump_default is missing and field._CHECK_ATTRIBUTE:
            convert = _value_plan(field, compiled)
        steps.append((key, attribute, convert, field, name))

    def dump_one(obj) -> dict:
        out = {}
        for key, attribute, convert, field, name in steps:
            if convert is None:
                value = field.serialize(name, obj, accessor=schema.get_attribute)
                if value is not missing:
                    out[key] = value
                continue
            value = _lookup(obj, attribute)
            if value is not missing:
                out[key] = convert(value)
        return out

    compiled[id(schema)] = dump_one
    return dump_one


def compile_dumper(schema: Schema) -> Callable | None:
    """A drop-in for ``schema.dump(obj)`` (the object, not ``many=``/other options) that gives
    marshmallow's result faster, or None when the schema needs marshmallow itself."""
    dump_one = _compile(schema, {})
    if dump_one is None:
        return None
    original = schema.dump

    def dump(obj, *, many: bool | None = None):
        if not ENABLED or many is not None:
            return original(obj, many=many)
        if schema.many:
            return [dump_one(each) for each in obj]
        return dump_one(obj)

    return dump
