"""Input names the provider reserves beside a resource's own arguments; imports nothing.

Shared by the Pulumi surface (programs), the engine (the provider process) and the summary (which
must tell an adoption from a create in a preview without loading pulumi).
"""

ADOPT_ID = "adopt_id"
"""Take over the existing object with this id instead of creating one (see the README)."""

PROVIDER_KEY = "__provider"
"""Where pulumi.dynamic keeps the pickled provider among a resource's inputs."""
