"""Clone: apply the network spec exported from one tenant to the stack's tenant.

The spec file is stack config `spec` (default network.yaml), so staging and production can apply
the same file, or production a reviewed copy of what staging has.
"""

import pulumi

import pulumi_ampeco as ampeco

config = pulumi.Config()
network = ampeco.Network("network", spec=config.get("spec") or "network.yaml")

pulumi.export("objects", len(network.resources))
