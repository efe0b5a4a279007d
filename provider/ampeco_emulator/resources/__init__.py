"""One module per AMPECO resource: validation, server-side effects, presentation.

``INFERRED`` in each module lists every behaviour the reference does not state; ``ALL_INFERRED``
collects them (``GET /_emulator/inferred`` serves it).
"""

from __future__ import annotations

from . import (
    charge_point,
    charging_zone,
    circuit,
    configuration_template,
    configuration_template_variable,
    connector,
    evse,
    id_tag,
    location,
    notification,
    partner,
    tariff,
    tariff_group,
    tax,
    user_group,
)
from ._base import Ctx, Resource

RESOURCES: dict[str, Resource] = {
    module.RESOURCE.key: module.RESOURCE
    for module in (
        id_tag, location, charging_zone, charge_point, evse, connector, tariff, tariff_group,
        partner,
        user_group,
        tax,
        circuit,
        notification,
        configuration_template,
        configuration_template_variable,
    )
}

COLLECTIONS: tuple[str, ...] = tuple(dict.fromkeys(r.collection for r in RESOURCES.values()))
"""The tenant's collections, one per resource (``store.Tenant`` holds them)."""

# Inferred conventions shared by every resource (constants live where noted).
TRANSPORT_INFERRED: dict[str, str] = {
    "DELETE": "204 with an empty body (handlers.delete_handler)",
    "POST": "201 (Laravel returns 201 for a resource it just created)",
    "empty strings": "read as null, like Laravel's ConvertEmptyStringsToNull (validation.EMPTY_STRING_IS_NULL)",
    "date-times": "stored in UTC, read back as YYYY-MM-DDTHH:MM:SS.000000Z (validation.NORMALIZE_DATETIMES)",
    "nulls": "a field without a value is left out of a response (3.110.0 marks most response fields not "
    "nullable), except the few the response schema requires, kept as null (Resource.response_nulls; "
    "validation.OMIT_NULLS_IN_RESPONSES); a nested object holds only the keys it has values for",
    "null in a body": "refused (422 'must be a ...') for a field the 3.110.0 body does not declare nullable, "
    "as a Laravel rule without 'nullable' does",
    "types": "strict JSON types: 5.0 or '5' is not an integer, 'true' is not a boolean",
    "body": "non-JSON body or JSON without a json Content-Type -> 400; a JSON non-object -> 400",
    "pagination": "cursor mode unless page=N is sent; per_page outside 1..100 -> 422; a cursor that does not "
    "decode is no cursor (first page) and a page that is not an integer >= 1 is page 1, as Laravel's paginators do "
    "(3.110.0 documents no 422 on most listings); "
    "links.first/last are null in cursor mode; links.next/prev keep filters, includes and per_page",
    "filters": "exact match, comma = any of, 'null' matches null, empty value ignored (Spatie)",
    "unknown filter or include": "400 'Requested filter(s) ... are not allowed' (Spatie QueryBuilder); "
    "3.110.0 documents no 400",
    "lastUpdatedAt": "microsecond precision and strictly increasing, so every update changes it",
}

ALL_INFERRED: dict[str, dict[str, str]] = {
    "_transport": TRANSPORT_INFERRED,
    **{key: dict(r.INFERRED) for key, r in RESOURCES.items()},
}


def rebuild_indexes(tenant) -> None:  # type: ignore[no-untyped-def]
    """After loading a dump: rebuild the unique-key indexes."""
    tenant.unique.clear()
    for resource in RESOURCES.values():
        for obj in tenant[resource.collection]:
            resource.index(tenant, obj)


__all__ = ["ALL_INFERRED", "COLLECTIONS", "RESOURCES", "Ctx", "Resource", "rebuild_indexes"]
