"""How the emulator app is put together: routes read off the resources, one error renderer, no import circle."""

from __future__ import annotations

import ast
from pathlib import Path

import ampeco_emulator
import httpx
import pytest
from ampeco_emulator import EmulatorServer
from ampeco_emulator.resources import RESOURCES
from ampeco_emulator.resources.tariff import Tariff
from ampeco_emulator.routes import api_router, table
from starlette.routing import Route

PACKAGE = Path(ampeco_emulator.__file__).parent


def test_admin_api_and_app_do_not_import_each_other() -> None:
    for module, other in (("admin", "app"), ("responses", "app"), ("routes", "app")):
        tree = ast.parse((PACKAGE / f"{module}.py").read_text())
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
        assert other not in imported, f"{module} imports {other}"


def test_every_resource_is_served_at_its_path_and_item_path_as_far_as_its_operations_say() -> None:
    served = {(method, path) for method, path, _ in table()}
    for r in RESOURCES.values():
        item = f"{r.path}/{{{r.param}}}"
        routes = {"list": ("GET", r.path), "create": ("POST", r.path), "read": ("GET", item),
                  "update": (r.update_method, item), "delete": ("DELETE", item)}
        assert {routes[op] for op in r.operations} <= served
        assert not {routes[op] for op in set(routes) - r.operations} & served, r.key
        assert {("POST", path) for path in r.actions} <= served


def test_template_variables_have_no_single_read_and_circuits_their_actions() -> None:
    served = {(method, path) for method, path, _ in table()}
    variables = "/public-api/resources/configuration-templates/v1.0/{template}/variables/{variable}"
    assert ("PATCH", variables) in served and ("GET", variables) not in served
    assert ("POST", "/public-api/actions/circuit/v2.0/{circuit}/attach-charge-point") in served


def test_a_resource_declaring_a_path_gets_its_routes_with_no_edit_to_the_routing() -> None:
    class Widget(Tariff):
        key, collection, model, path, param = "tariff", "tariffs", "Widget", "/public-api/widgets/v1", "widget"

    router = api_router({**RESOURCES, "widget": Widget()})
    paths = {r.path for r in router.routes if isinstance(r, Route)}
    assert {"/public-api/widgets/v1", "/public-api/widgets/v1/{widget}"} <= paths


def test_unknown_admin_paths_answer_in_the_same_shape_as_the_api(admin: httpx.Client) -> None:
    missing = admin.get("/nope")
    assert (missing.status_code, missing.json()) == (404, {"message": "Not Found"})
    wrong = admin.get("/reset")
    assert (wrong.status_code, wrong.json(), wrong.headers["allow"]) == (405, {"message": "Method Not Allowed"}, "POST")


@pytest.mark.parametrize("where", ["api", "admin"])
def test_a_bug_in_the_emulator_answers_as_laravel_in_production(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    with EmulatorServer(token="structure-token") as server, \
            httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {server.token}"}) as api:
        if where == "api":
            monkeypatch.setattr(RESOURCES["id_tag"], "present", broken)
            response = api.post("/public-api/resources/id-tags/v2.0",
                                json={"idTagUid": "04A1", "status": "enabled", "type": "rfid"})
        else:
            monkeypatch.setattr(server.app_state, "reset", broken)
            response = httpx.post(f"{server.url}/_emulator/reset")
        assert (response.status_code, response.json()) == (500, {"message": "Server Error"})
        assert httpx.get(f"{server.url}/_emulator/requests").status_code == 200  # still serving
