"""A notification subscription: a string id in the API's paths (``id_type=str``) and a PUT of the
whole subscription. On both engines."""

from __future__ import annotations

from _harness import Engine
from _samples import NOTIFICATION_ARGS, Program, notification_subject

from resources._resources_kit import TenantApi

NOTIFICATIONS = "/public-api/notifications/v2.0"
KAFKA = {"via": "kafka", "webhook": None,
         "kafka": {"topic": "ampeco", "brokers": ["kafka-1:9092"], "security_protocol": "SASL_SSL"}}


def test_an_existing_subscription_is_adopted_by_its_string_id_without_a_write(engine: Engine, api: TenantApi) -> None:
    made = api.send("POST", NOTIFICATIONS, {"via": "webhook", "notifications": NOTIFICATION_ARGS["notifications"],
                                            "webhook": {"callbackUrl": NOTIFICATION_ARGS["webhook"]["callback_url"]}})
    object_id = str(made.json()["data"]["id"])
    api.clear_log()
    plan = engine.up(Program(notification_subject, {"adopt_id": object_id}))
    assert plan.step("subject").op == "create" and plan.step("subject").id == object_id
    assert api.writes() == []
    assert engine.up(Program(notification_subject, {"adopt_id": object_id})).changes() == []


def test_switching_a_subscription_to_kafka_is_one_put_without_its_webhook(engine: Engine, api: TenantApi) -> None:
    engine.up(Program(notification_subject))
    api.clear_log()
    engine.up(Program(notification_subject, KAFKA))
    assert [w.split()[0] for w in api.writes()] == ["PUT"]
    live = api.get(f"{NOTIFICATIONS}/{engine.resource('subject').id}")
    assert "webhook" not in live and live["kafka"]["topic"] == "ampeco"
    assert live["kafka"]["compressionCodec"] == "gzip"  # the API's default, not managed
    assert engine.up(Program(notification_subject, KAFKA)).changes() == []
