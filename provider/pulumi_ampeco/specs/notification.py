"""Notification: a webhook (or Kafka) subscription to AMPECO's events.

Updated with PUT: the whole subscription is sent every time. The API types its id as a string in
its paths (``id_type=str``); the response carries it as a number.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pulumi_ampeco.specs._base import AmpecoModel, Field, RequiredWhen, ResourceSpec, Secret, ServerDefault

Event = Literal[
    "AuthorizationNotification", "authorization.changed", "BootNotification", "ChargePointChangedNotification",
    "chargePoint.changed", "evse.changed", "ChargePointSyncConfigurationNotification",
    "CircuitConsumptionNotification", "circuit.changed", "DiagnosticsStatusNotification",
    "HardwareStatusNotification", "LocationChangedNotification", "NetworkStatusNotification",
    "SecurityEventNotification", "SessionMeterValuesNotification", "SessionStartStopNotification",
    "session.start.stop.notification", "SessionUpdateNotification", "UserChangedNotification",
    "SubOperatorChangedNotification", "TariffChangedNotification", "user.subscriptionChanged",
    "user.subscription.changed", "ReservationChangedNotification", "PaymentMethodChangedNotification",
    "PartnerInviteChangedNotification", "reservation.changed", "user.paymentMethod.changed", "userBalance.changed",
    "partnerInvite.changed", "roamingPlatform.changed", "parkingSpace.occupancyStatus.changed", "partner.changed",
    "transaction.changed", "settlementReport.created", "idTag.changed", "chargePoint.dataTransferReceived",
    "subscriptionPlan.changed", "user.invoiceDetails.changed", "cdr.received", "chargingProfile.applied",
    "installerJob.changed",
]


class NotificationWebhook(AmpecoModel):
    callback_url: str = Field(
        min_length=1, max_length=500, pattern=r"^https?://\S+$",
        description="URL the events are POSTed to (signed with X-Signature, keyed with the creating API token).")


class NotificationKafka(AmpecoModel):
    topic: str = Field(min_length=1, description="Kafka topic.")
    brokers: list[str] = Field(min_length=1, description="Brokers, host:port.")
    compression_codec: Annotated[Literal["none", "gzip", "snappy", "lz4"] | None, ServerDefault] = Field(
        None, description="Compression (the API's default: gzip).")
    security_protocol: Annotated[Literal["PLAINTEXT", "SASL_SSL"] | None, ServerDefault] = Field(
        None, description="Security protocol (the API's default: PLAINTEXT).")
    sasl_mechanism: Annotated[Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None, ServerDefault] = Field(
        None, description="SASL mechanism (the API's default: PLAIN).")
    sasl_username: str | None = Field(None, description="SASL user name.")
    sasl_password: Annotated[str | None, Secret] = Field(None, description="SASL password (secret).")


class NotificationModel(AmpecoModel):
    via: Literal["webhook", "kafka"] = Field(description="How events are delivered.")
    notifications: list[Event] = Field(min_length=1, description="The events subscribed to.")
    webhook: NotificationWebhook | None = Field(None, description="Webhook settings; required when via is webhook.")
    kafka: NotificationKafka | None = Field(None, description="Kafka settings; required when via is kafka.")


SPEC = ResourceSpec(
    kind="Notification",
    module="notification",
    model=NotificationModel,
    collection="/public-api/notifications/v2.0",
    description="A notification subscription: AMPECO's events delivered to a webhook or Kafka.",
    update_method="PUT",
    id_type=str,
    # Inferred: the API has no filter; a subscription is recognised by where it delivers.
    natural_key=("webhook.callback_url", "kafka.topic"),
    required_when=(RequiredWhen("webhook", {"via": ("webhook",)}), RequiredWhen("kafka", {"via": ("kafka",)})),
    section_order=60,
    export_name=("webhook.callback_url", "kafka.topic"),
)
