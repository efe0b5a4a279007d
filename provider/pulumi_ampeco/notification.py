# Generated from specs/notification.py by `python tools/codegen.py`. Do not edit by hand.
"""Notification: A notification subscription: AMPECO's events delivered to a webhook or Kafka."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Literal, TypedDict

import pulumi
import pulumi.dynamic

from pulumi_ampeco._engine.provider import AmpecoProvider
from pulumi_ampeco._lookup import find
from pulumi_ampeco._surface import (
    resolved_annotations,
    resource_options,
    resource_props,
    sdk_pickler_restored,
)
from pulumi_ampeco.types import (
    NotificationKafkaArgsDict,
    NotificationWebhookArgsDict,
)

__all__ = ["GetNotificationResult", "Notification", "NotificationArgs", "NotificationArgsDict", "get_notification"]

# Every output (passed as None unless given) and the secret ones: `_surface` takes them from
# here, so a program that constructs resources loads neither pydantic nor the specs.
_OUTPUTS: tuple[str, ...] = (
    "via",
    "notifications",
    "webhook",
    "kafka",
)
_SECRET_OUTPUTS: tuple[str, ...] = (
    "kafka",
)


class NotificationArgsDict(TypedDict, total=False):
    """Arguments of Notification as a dict (keys as in NotificationArgs)."""

    via: pulumi.Input[Literal['webhook', 'kafka']]
    """How events are delivered."""
    notifications: pulumi.Input[Sequence[pulumi.Input[Literal['AuthorizationNotification', 'authorization.changed', 'BootNotification', 'ChargePointChangedNotification', 'chargePoint.changed', 'evse.changed', 'ChargePointSyncConfigurationNotification', 'CircuitConsumptionNotification', 'circuit.changed', 'DiagnosticsStatusNotification', 'HardwareStatusNotification', 'LocationChangedNotification', 'NetworkStatusNotification', 'SecurityEventNotification', 'SessionMeterValuesNotification', 'SessionStartStopNotification', 'session.start.stop.notification', 'SessionUpdateNotification', 'UserChangedNotification', 'SubOperatorChangedNotification', 'TariffChangedNotification', 'user.subscriptionChanged', 'user.subscription.changed', 'ReservationChangedNotification', 'PaymentMethodChangedNotification', 'PartnerInviteChangedNotification', 'reservation.changed', 'user.paymentMethod.changed', 'userBalance.changed', 'partnerInvite.changed', 'roamingPlatform.changed', 'parkingSpace.occupancyStatus.changed', 'partner.changed', 'transaction.changed', 'settlementReport.created', 'idTag.changed', 'chargePoint.dataTransferReceived', 'subscriptionPlan.changed', 'user.invoiceDetails.changed', 'cdr.received', 'chargingProfile.applied', 'installerJob.changed']]]]
    """The events subscribed to."""
    webhook: pulumi.Input[NotificationWebhookArgsDict]
    """Webhook settings; required when via is webhook."""
    kafka: pulumi.Input[NotificationKafkaArgsDict]
    """Kafka settings; required when via is kafka."""
    adopt_id: pulumi.Input[str]


@dataclasses.dataclass(kw_only=True)
class NotificationArgs:
    """Arguments of Notification."""

    via: pulumi.Input[Literal['webhook', 'kafka']]
    """How events are delivered."""
    notifications: pulumi.Input[Sequence[pulumi.Input[Literal['AuthorizationNotification', 'authorization.changed', 'BootNotification', 'ChargePointChangedNotification', 'chargePoint.changed', 'evse.changed', 'ChargePointSyncConfigurationNotification', 'CircuitConsumptionNotification', 'circuit.changed', 'DiagnosticsStatusNotification', 'HardwareStatusNotification', 'LocationChangedNotification', 'NetworkStatusNotification', 'SecurityEventNotification', 'SessionMeterValuesNotification', 'SessionStartStopNotification', 'session.start.stop.notification', 'SessionUpdateNotification', 'UserChangedNotification', 'SubOperatorChangedNotification', 'TariffChangedNotification', 'user.subscriptionChanged', 'user.subscription.changed', 'ReservationChangedNotification', 'PaymentMethodChangedNotification', 'PartnerInviteChangedNotification', 'reservation.changed', 'user.paymentMethod.changed', 'userBalance.changed', 'partnerInvite.changed', 'roamingPlatform.changed', 'parkingSpace.occupancyStatus.changed', 'partner.changed', 'transaction.changed', 'settlementReport.created', 'idTag.changed', 'chargePoint.dataTransferReceived', 'subscriptionPlan.changed', 'user.invoiceDetails.changed', 'cdr.received', 'chargingProfile.applied', 'installerJob.changed']]]]
    """The events subscribed to."""
    webhook: pulumi.Input[NotificationWebhookArgsDict] | None = None
    """Webhook settings; required when via is webhook."""
    kafka: pulumi.Input[NotificationKafkaArgsDict] | None = None
    """Kafka settings; required when via is kafka."""
    adopt_id: pulumi.Input[str] | None = None
    """Take over the existing AMPECO object with this id instead of creating one."""


@resolved_annotations
class Notification(pulumi.dynamic.Resource, module="ampeco", name="Notification"):
    """A notification subscription: AMPECO's events delivered to a webhook or Kafka.
    
    To take over an object that already exists, pass ``adopt_id=<its AMPECO id>``: the
    ``import_`` option and ``pulumi import`` cannot work with dynamic providers (pulumi/pulumi#16175).
    """

    via: pulumi.Output[Literal['webhook', 'kafka']]
    """How events are delivered."""
    notifications: pulumi.Output[list[Literal['AuthorizationNotification', 'authorization.changed', 'BootNotification', 'ChargePointChangedNotification', 'chargePoint.changed', 'evse.changed', 'ChargePointSyncConfigurationNotification', 'CircuitConsumptionNotification', 'circuit.changed', 'DiagnosticsStatusNotification', 'HardwareStatusNotification', 'LocationChangedNotification', 'NetworkStatusNotification', 'SecurityEventNotification', 'SessionMeterValuesNotification', 'SessionStartStopNotification', 'session.start.stop.notification', 'SessionUpdateNotification', 'UserChangedNotification', 'SubOperatorChangedNotification', 'TariffChangedNotification', 'user.subscriptionChanged', 'user.subscription.changed', 'ReservationChangedNotification', 'PaymentMethodChangedNotification', 'PartnerInviteChangedNotification', 'reservation.changed', 'user.paymentMethod.changed', 'userBalance.changed', 'partnerInvite.changed', 'roamingPlatform.changed', 'parkingSpace.occupancyStatus.changed', 'partner.changed', 'transaction.changed', 'settlementReport.created', 'idTag.changed', 'chargePoint.dataTransferReceived', 'subscriptionPlan.changed', 'user.invoiceDetails.changed', 'cdr.received', 'chargingProfile.applied', 'installerJob.changed']]]
    """The events subscribed to."""
    webhook: pulumi.Output[dict[str, Any] | None]
    """Webhook settings; required when via is webhook."""
    kafka: pulumi.Output[dict[str, Any] | None]
    """Kafka settings; required when via is kafka."""
    adopt_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        args: NotificationArgs | None = None,
        opts: pulumi.ResourceOptions | None = None,
        *,
        via: pulumi.Input[Literal['webhook', 'kafka']] | None = None,
        notifications: pulumi.Input[Sequence[pulumi.Input[Literal['AuthorizationNotification', 'authorization.changed', 'BootNotification', 'ChargePointChangedNotification', 'chargePoint.changed', 'evse.changed', 'ChargePointSyncConfigurationNotification', 'CircuitConsumptionNotification', 'circuit.changed', 'DiagnosticsStatusNotification', 'HardwareStatusNotification', 'LocationChangedNotification', 'NetworkStatusNotification', 'SecurityEventNotification', 'SessionMeterValuesNotification', 'SessionStartStopNotification', 'session.start.stop.notification', 'SessionUpdateNotification', 'UserChangedNotification', 'SubOperatorChangedNotification', 'TariffChangedNotification', 'user.subscriptionChanged', 'user.subscription.changed', 'ReservationChangedNotification', 'PaymentMethodChangedNotification', 'PartnerInviteChangedNotification', 'reservation.changed', 'user.paymentMethod.changed', 'userBalance.changed', 'partnerInvite.changed', 'roamingPlatform.changed', 'parkingSpace.occupancyStatus.changed', 'partner.changed', 'transaction.changed', 'settlementReport.created', 'idTag.changed', 'chargePoint.dataTransferReceived', 'subscriptionPlan.changed', 'user.invoiceDetails.changed', 'cdr.received', 'chargingProfile.applied', 'installerJob.changed']]]] | None = None,
        webhook: pulumi.Input[NotificationWebhookArgsDict] | None = None,
        kafka: pulumi.Input[NotificationKafkaArgsDict] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
    ) -> None:
        kwargs = {
            "via": via,
            "notifications": notifications,
            "webhook": webhook,
            "kafka": kafka,
            "adopt_id": adopt_id,
        }
        props = resource_props(args, kwargs, _OUTPUTS)
        with sdk_pickler_restored():
            super().__init__(AmpecoProvider("Notification"), resource_name, props,
                             resource_options(opts, _SECRET_OUTPUTS))

    @staticmethod
    def get(
        resource_name: str,
        id: pulumi.Input[str],
        opts: pulumi.ResourceOptions | None = None,
    ) -> Notification:
        """The existing notification with this AMPECO id, read into the program: its outputs,
        refreshed on every run; this program never creates, changes or deletes it.
        """
        read = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))
        return Notification(resource_name, opts=read)


@dataclasses.dataclass(frozen=True, kw_only=True)
class GetNotificationResult:
    """An existing notification, as ``get_notification`` found it in the tenant (secret fields left out)."""

    id: str
    """The AMPECO id (a string, as Pulumi ids are)."""
    via: Literal['webhook', 'kafka']
    """How events are delivered."""
    notifications: list[Literal['AuthorizationNotification', 'authorization.changed', 'BootNotification', 'ChargePointChangedNotification', 'chargePoint.changed', 'evse.changed', 'ChargePointSyncConfigurationNotification', 'CircuitConsumptionNotification', 'circuit.changed', 'DiagnosticsStatusNotification', 'HardwareStatusNotification', 'LocationChangedNotification', 'NetworkStatusNotification', 'SecurityEventNotification', 'SessionMeterValuesNotification', 'SessionStartStopNotification', 'session.start.stop.notification', 'SessionUpdateNotification', 'UserChangedNotification', 'SubOperatorChangedNotification', 'TariffChangedNotification', 'user.subscriptionChanged', 'user.subscription.changed', 'ReservationChangedNotification', 'PaymentMethodChangedNotification', 'PartnerInviteChangedNotification', 'reservation.changed', 'user.paymentMethod.changed', 'userBalance.changed', 'partnerInvite.changed', 'roamingPlatform.changed', 'parkingSpace.occupancyStatus.changed', 'partner.changed', 'transaction.changed', 'settlementReport.created', 'idTag.changed', 'chargePoint.dataTransferReceived', 'subscriptionPlan.changed', 'user.invoiceDetails.changed', 'cdr.received', 'chargingProfile.applied', 'installerJob.changed']]
    """The events subscribed to."""
    webhook: dict[str, Any] | None = None
    """Webhook settings; required when via is webhook."""


def get_notification(
    *,
    id: int | str | None = None,
    webhook_callback_url: str | None = None,
    kafka_topic: str | None = None,
) -> GetNotificationResult:
    """Look up an existing notification in the stack's tenant by its AMPECO ``id`` or by ``webhook_callback_url`` or ``kafka_topic``.

    Its values as plain Python, now (in a preview too): nothing is registered, so nothing of it
    lands in the state. Raises LookupFailedError when none matches, or more than one.
    """
    found = find("Notification", id=id, key={"webhook.callback_url": webhook_callback_url, "kafka.topic": kafka_topic}, parents={})
    return GetNotificationResult(**found)
