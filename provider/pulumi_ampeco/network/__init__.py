"""The YAML network spec: a whole AMPECO network in one reviewable file (``Network`` and ``export``).

::

    locations:
      depot-sofia:                          # logical name: letters, digits, '-', '_', '.'
        name: [{locale: en, translation: Depot Sofia}]
        address: [{locale: en, translation: "1 Tsarigradsko Shose Blvd, Sofia"}]
        country: BG
        geoposition: {latitude: 42.6854, longitude: 23.3447}
        external_id: depot-sofia
        charging_zones:                     # children nest under their parent
          staff: {name: Staff parking, status: enabled}
    tariffs:
      standard-ac:
        name: Standard AC
        type: duration+energy
        pricing: {price_per_kwh: 0.32}
    tariff_groups:
      public: {name: Depot public, tariffs: [standard-ac]}     # references by logical name
    charge_points:
      cp-1:
        name: Depot 1
        type: public
        status: enabled
        location: depot-sofia
        charging_zone: staff                # a zone of the charge point's location
        communication_mode: direct_ocpp
        network:
          id: DEPOT-SOF-01
          protocol: ocpp 1.6
          password: {config: cp-1-network-password}   # secrets: a secret stack config key
        evses:
          '1':
            network_id: '1'
            physical_reference: SOF-1-1
            current_type: ac
            status: enabled
            tariff_group: public
            connectors:
              type2: {type: type2, format: socket}
    id_tags:
      fleet-card-1: {id_tag_uid: 04A1B2C3D4E5, status: enabled, type: rfid}

Rules:

* Each kind of resource has a section (``ResourceSpec.section``), a mapping from logical name to
  object; the top-level ones come in ``section_order``: today ``partners``, ``user_groups``,
  ``locations``, ``taxes``, ``tariffs``, ``tariff_groups``, ``charge_points``, ``circuits``,
  ``id_tags``, ``notifications`` and ``configuration_templates``. Objects that live inside a parent
  in the API (a location's ``charging_zones``, a charge point's ``evses``, an EVSE's ``connectors``,
  a circuit's ``circuit_charge_points``: the
  kinds whose path parameter is a ``Reference``) nest under it: their parent id is in the URL,
  they cannot move to another parent without being replaced, and their natural keys (an EVSE's
  ``network_id``) are unique only within the parent, so nesting says all of that and lets names
  repeat (every charge point has an EVSE ``'1'``). Everything that can be shared or moved in
  place (a charge point's location, a group's tariffs) is top-level and referred to by name.
* An object's keys are the resource's snake_case arguments, except that a reference to another
  object of the spec (an argument declared with ``Reference("<kind>")``) drops the ``_id`` suffix
  and takes a logical name (``location``,
  ``charging_zone``, ``ocpp_connected_charge_point``, ``tariff_group``) and a group's
  ``tariff_ids`` become ``tariffs``, a list of names in evaluation order. The same holds inside
  nested objects: a tariff's ``pricing.tax_id`` is ``pricing: {tax: vat-20}``, and a nested ``id``
  takes the name of its kind (a charge point's ``partner: {partner: acme}``). Ids of objects
  outside the spec (users, electricity rates, integrations) stay numeric. ``adopt_id`` takes over
  an existing object, as for the resources. An object of a kind the spec could hold but does not
  manage (the tenant's default tariff group, a tariff made in the back office) is named by its
  natural key, ``tariff_group: {existing: {name: Default}}`` (in a list too): it is looked up in the
  tenant the spec is applied to, never created, changed or deleted.
* Secret fields (a charge point's ``pin`` and ``network.password``, a Kafka subscription's
  ``kafka.sasl_password``) are never written in clear:
  they take ``{config: <key>}``, a secret stack config key (``pulumi config set --secret <key>
  ...``); ``<key>`` may be qualified as ``namespace:key``, else it is in the project's namespace.
* A member kind of a set (``id_tags``: ``IdTagSet``) may be written in *set form*: the section
  holds ``csv: <file>`` (one member a row, header ``id_tag_uid`` and any of the members' keys, a
  path relative to the spec), and/or ``tags:`` mapping each key to the member's keys (one a line),
  and ``adopt_existing: true`` to take over existing cards with those keys. The whole section is
  then one ``IdTagSet`` (``Network.sets["id_tags"]``): one resource and one step however many
  cards, each member still checked and referring by name (``partner: acme``). The form is chosen
  by the file, never by a count: switching a section between forms replaces its resources.
  Export writes the set form for more than ``MemberSet.export_above`` cards (100).
* The whole file is validated before anything is registered, with the resources' own per-field
  checks; every problem is reported at once, naming the file, the object
  (``charge_points.cp-1.evses.1``) and the field.

The package: ``_layout`` (sections, nesting, references and order, read off ``REGISTRY``),
``_yaml`` (the strict loader and the one emitter), ``_parse`` (validation), ``_objects`` (the parsed
form, which export builds too), ``_render`` (the one writer) and ``component`` (``ampeco.Network``,
which loads pulumi; nothing else here does).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pulumi_ampeco.errors import Problem, SpecProblemsError
from pulumi_ampeco.network._layout import SECTIONS, Ref, Section
from pulumi_ampeco.network._objects import ConfigRef, Existing, NetworkSpec, SpecObject
from pulumi_ampeco.network._parse import load, parse
from pulumi_ampeco.network._render import render
from pulumi_ampeco.network._yaml import dump

if TYPE_CHECKING:
    from pulumi_ampeco.network.component import Network

__all__ = [
    "SECTIONS",
    "ConfigRef",
    "Existing",
    "Network",
    "NetworkSpec",
    "Problem",
    "Ref",
    "Section",
    "SpecObject",
    "SpecProblemsError",
    "dump",
    "load",
    "parse",
    "render",
    "write",
]


def write(spec: NetworkSpec, *, header: str | None = None) -> str:
    """The YAML text of a spec, as export writes it (``render`` then ``dump``)."""
    return dump(render(spec), header=header)


def __getattr__(name: str) -> Any:
    # The component loads pulumi; reading and writing specs must not (tests/test_import_boundaries.py).
    if name == "Network":
        from pulumi_ampeco.network.component import Network

        return Network
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
