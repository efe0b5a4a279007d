"""Notifications — ``/public-api/notifications/v2.0``: webhook and Kafka subscriptions, updated
with PUT (REFERENCE-EXTRA.md §4; API 3.110.0)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..store import Obj, Tenant
from ..validation import Field, Validator, load_schema, msg_prohibited, msg_required_if
from ._base import Ctx, Matcher, Resource

# Documented in 3.110.0 (so not listed below): PUT requires via and notifications; webhook is
# present and required only for via=webhook, kafka only for via=kafka; the Kafka defaults; the
# path parameter is a string and the response id a number; the listing has no filters.
INFERRED = {
    "the other delivery block": "a webhook sent with via=kafka (or kafka with via=webhook) is 422 prohibited",
    "PUT": "full replacement: a block not sent is removed",
    "kafka defaults": "compressionCodec gzip, securityProtocol PLAINTEXT, saslMechanism PLAIN filled in when "
    "kafka is stored without them",
    "kafka.saslPassword": "returned as stored (3.110.0 does not mark it writeOnly)",
    "a non-numeric id in the path": "404, as an unknown id",
    "duplicates": "allowed (3.110.0 states no uniqueness)",
}

KAFKA_DEFAULTS = {"compressionCodec": "gzip", "securityProtocol": "PLAINTEXT", "saslMechanism": "PLAIN"}


class Notification(Resource):
    key = "notification"
    collection = "notifications"
    model = "Notification"
    path = "/public-api/notifications/v2.0"
    param = "notification"
    update_method = "PUT"
    timestamps = ()
    response_fields = ("id", "via", "notifications", "webhook", "kafka")
    filters: Mapping[str, Matcher] = {}
    INFERRED = INFERRED

    def build_schema(self) -> dict[str, Field]:
        return load_schema(self.key)

    def check(self, tenant: Tenant, v: Validator, new: Obj, sent: Obj, current: Obj | None, ctx: Ctx) -> None:
        via = new.get("via")
        for block in ("webhook", "kafka"):
            if not v.ok("via") or via is None:
                continue
            if via == block and new.get(block) is None and v.ok(block):
                v.add(block, msg_required_if(block, "via", via))
            elif via != block and sent.get(block) is not None:
                v.add(block, msg_prohibited(block))

    def on_create(self, tenant: Tenant, obj: Obj, ctx: Ctx) -> None:
        self._defaults(obj)

    def on_update(self, tenant: Tenant, new: Obj, current: Obj, sent: Obj, ctx: Ctx) -> None:
        self._defaults(new)

    @staticmethod
    def _defaults(obj: Obj) -> None:
        kafka: Any = obj.get("kafka")
        if isinstance(kafka, dict):
            obj["kafka"] = {**kafka, **{k: v for k, v in KAFKA_DEFAULTS.items() if kafka.get(k) is None}}


RESOURCE = Notification()
