"""GitOps: the whole network is network.yaml; this program only applies it.

Tenant: `pulumi config set ampeco:tenantUrl https://<tenant>.ampeco.com` and
`pulumi config set --secret ampeco:apiToken <token>` (or AMPECO_TENANT_URL / AMPECO_API_TOKEN).
The secrets network.yaml refers to: `pulumi config set --secret depot-1-ocpp-password <value>`, ...
"""

import pulumi

import pulumi_ampeco as ampeco

network = ampeco.Network("depot", spec="network.yaml")

pulumi.export("charge_point_ids", {name: cp.id for name, cp in network.charge_points.items()})
pulumi.export("public_tariff_group_id", network.tariff_groups["public"].id)
