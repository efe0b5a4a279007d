"""Bad days seen through the real provider process: a wrong token, an unreachable tenant, bodies
that are not the API's. Each gives one clear error (the last line the engine shows), never a
retry storm, and never a traceback through the client or httpx.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pulumi_ampeco as ampeco
import pytest
from _harness import DeploymentError, Engine, ProviderError, ProviderProcess, serialize_provider
from _reliability_kit import Admin, declared_objects
from ampeco_emulator import EmulatorServer
from pulumi_ampeco._engine.provider import AmpecoProvider

WRONG_TOKEN = "wrong-token-4d1e8a"
ITEM = r"/id-tags/v2\.0/\d+$"


def one_tag() -> None:
    ampeco.IdTag("card", id_tag_uid="04AB0001", status="enabled", type="rfid")


def three_objects() -> None:
    ampeco.IdTag("card", id_tag_uid="04AB0001", status="enabled", type="rfid")
    ampeco.Tariff("tariff", name="Standard", type="free")
    ampeco.Location("site", name=[{"locale": "en", "translation": "Depot"}],
                    address=[{"locale": "en", "translation": "1 Main St"}], country="BG",
                    geoposition={"latitude": 42.69, "longitude": 23.32}, external_id="depot")


def only_error(failed: pytest.ExceptionInfo[DeploymentError]) -> str:
    errors = failed.value.errors
    assert len(errors) == 1, errors
    return errors[0]


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed when the block ends: connections are refused


URN = "urn:pulumi:dev::reliability::pulumi-python:dynamic/ampeco:IdTag::card"
TAG_ARGS = {"id_tag_uid": "04AB0001", "status": "enabled", "type": "rfid"}


def checked_tag(process: ProviderProcess, config: dict[str, str]) -> dict[str, Any]:
    """Configure + Check of an IdTag over gRPC, as the engine sends them; the checked inputs."""
    process.configure(config, secret_keys=["ampeco:apiToken"])
    inputs, failures = process.check(URN, {}, {"__provider": serialize_provider(AmpecoProvider("IdTag")),
                                               **TAG_ARGS})
    assert failures == []
    return inputs


def failed_create(process: ProviderProcess, config: dict[str, str]) -> ProviderError:
    inputs = checked_tag(process, config)
    with pytest.raises(ProviderError) as failed:
        process.create(URN, inputs)
    return failed.value


def failed_check(process: ProviderProcess, config: dict[str, str]) -> ProviderError:
    """Configure + Check of valid inputs that fails: the run's credential check."""
    process.configure(config, secret_keys=["ampeco:apiToken"])
    with pytest.raises(ProviderError) as failed:
        process.check(URN, {}, {"__provider": serialize_provider(AmpecoProvider("IdTag")), **TAG_ARGS})
    return failed.value


def assert_one_line(error: ProviderError) -> None:
    """What the engine prints: one line, the error's public name and message (AMPECO_TRACEBACKS=1
    brings the traceback back). No frame, no chained exception."""
    assert "Traceback" not in error.details
    assert "During handling" not in error.details and "direct cause" not in error.details
    assert error.details.strip().splitlines() == [error.message]


# --- wrong token --------------------------------------------------------------------------------


def test_wrong_token_fails_the_check_with_one_request_before_anything_is_written(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    engine = fresh_engine(**{"ampeco:apiToken": WRONG_TOKEN})
    with pytest.raises(DeploymentError) as failed:
        engine.up(one_tag)
    message = only_error(failed)
    assert "AuthenticationError: IdTag check failed: GET /public-api/resources/id-tags/v2.0 -> 401" in message
    assert "ampeco:apiToken" in message and "AMPECO_API_TOKEN" in message
    assert WRONG_TOKEN not in message
    assert [(r["method"], r["status"], r["query"]) for r in admin.requests()] == [("GET", 401, "per_page=1&cursor=")]


def test_wrong_token_fails_a_preview_that_would_only_create(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    """A pull-request preview of new objects makes no other API call: without the credential check it
    would pass with an expired token, and the merge would fail."""
    engine = fresh_engine(**{"ampeco:apiToken": WRONG_TOKEN})
    with pytest.raises(DeploymentError) as failed:
        engine.preview(three_objects)
    assert "401" in only_error(failed)
    assert len(admin.requests()) == 1


def test_credentials_are_checked_once_per_run_with_one_get(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    fresh_engine().preview(three_objects)
    assert [(r["method"], r["status"]) for r in admin.requests()] == [("GET", 200)]


def test_wrong_token_fails_a_refresh_with_one_request_per_resource_and_no_retry(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    good = fresh_engine()
    good.up(three_objects)
    admin.clear_log()
    bad = fresh_engine(**{"ampeco:apiToken": WRONG_TOKEN})
    bad.state = dict(good.state)
    with pytest.raises(DeploymentError) as failed:
        bad.refresh()
    assert len(failed.value.errors) == 3
    assert all("AuthenticationError" in e and "read failed" in e and "401" in e for e in failed.value.errors)
    assert [r["status"] for r in admin.requests()] == [401, 401, 401]


def test_wrong_token_error_reaches_the_engine_as_one_line(tenant: EmulatorServer) -> None:
    with ProviderProcess(project="reliability") as process:
        error = failed_check(process, {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": WRONG_TOKEN})
    assert error.message.startswith("pulumi_ampeco.AuthenticationError: IdTag check failed")
    assert_one_line(error)
    assert WRONG_TOKEN not in error.details


# --- unreachable tenant -------------------------------------------------------------------------


def test_unreachable_tenant_fails_naming_the_url_after_the_configured_attempts(
        fresh_engine: Callable[..., Engine]) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    engine = fresh_engine(**{"ampeco:tenantUrl": url, "ampeco:maxAttempts": "3",
                             "ampeco:retryBackoffSeconds": "0.01"})
    with pytest.raises(DeploymentError) as failed:
        engine.up(one_tag)
    message = only_error(failed)
    assert f"no response from {url} after 3 attempts" in message
    # found by the run's credential check, before anything is attempted
    assert "ApiTransportError: IdTag check failed" in message and "tenant URL is right and reachable" in message


def test_unreachable_tenant_with_default_retry_settings_gives_up_after_the_default_attempts(
        fresh_engine: Callable[..., Engine]) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    engine = fresh_engine(**{"ampeco:tenantUrl": url})
    with pytest.raises(DeploymentError) as failed:
        engine.up(one_tag)
    assert f"no response from {url} after 5 attempts" in only_error(failed)


def test_unreachable_tenant_error_reaches_the_engine_as_one_line() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    with ProviderProcess(project="reliability") as process:
        error = failed_check(process, {"ampeco:tenantUrl": url, "ampeco:apiToken": "tok-unreachable",
                                       "ampeco:retryBackoffSeconds": "0.01"})
    assert error.message.startswith("pulumi_ampeco.ApiTransportError: IdTag check failed")
    assert url in error.message
    assert_one_line(error)


# --- responses that are not the API's ------------------------------------------------------------


@pytest.mark.parametrize("fault", ["non_json", "no_envelope"])
def test_malformed_read_response_gives_a_clear_malformed_response_error(
        fault: str, fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    engine = fresh_engine(**{"ampeco:retryBackoffSeconds": "0.01"})
    engine.up(one_tag)
    admin.faults({"fault": fault, "methods": ["GET"], "path": ITEM})
    with pytest.raises(DeploymentError) as failed:
        engine.refresh()
    message = only_error(failed)
    assert "MalformedResponseError: IdTag read failed: GET /public-api/resources/id-tags/v2.0/" in message
    assert 'expected a JSON object with a "data" object' in message
    assert "Traceback" not in message
    assert engine.resource("card").id  # the failed refresh kept the resource in state


@pytest.mark.parametrize("fault", ["non_json", "no_envelope"])
def test_malformed_read_response_reaches_the_engine_as_one_line(fault: str, tenant: EmulatorServer,
                                                            admin: Admin) -> None:
    config = {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token}
    with ProviderProcess(project="reliability") as process:
        created = process.create(URN, checked_tag(process, config))
        admin.faults({"fault": fault, "methods": ["GET"]})
        with pytest.raises(ProviderError) as failed:
            process.read(URN, created.id, created.outputs)
    assert failed.value.message.startswith("pulumi_ampeco.MalformedResponseError: IdTag read failed")
    assert_one_line(failed.value)


def test_create_answered_by_proxy_pages_only_fails_clearly_and_leaves_nothing(tenant: EmulatorServer,
                                                                            admin: Admin) -> None:
    config = {"ampeco:tenantUrl": tenant.url, "ampeco:apiToken": tenant.token}
    admin.faults({"fault": "non_json", "methods": ["POST"]})
    with ProviderProcess(project="reliability") as process:
        error = failed_create(process, config)
    assert error.message.startswith("pulumi_ampeco.MalformedResponseError: IdTag create failed: POST")
    assert "3 POSTs failed" in error.message and "so none was created" in error.message
    assert "expected a JSON object" in error.message
    assert_one_line(error)
    assert admin.state()["id_tags"] == []


@pytest.mark.parametrize("fault", ["non_json", "no_envelope"])
def test_create_answered_with_a_malformed_body_makes_exactly_one_object(
        fault: str, fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    engine = fresh_engine(**{"ampeco:retryBackoffSeconds": "0.01"})
    admin.faults({"fault": fault, "methods": ["POST"], "times": 1})
    plan = engine.up(three_objects)
    assert plan.ops() == {"create": 3}
    objects = declared_objects(admin.state())
    assert {k: len(v) for k, v in objects.items() if v} == {"id_tags": 1, "tariffs": 1, "locations": 1}
    assert engine.up(three_objects).changes() == []


def test_update_answered_without_envelope_fails_clearly_and_the_next_up_converges(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    engine = fresh_engine(**{"ampeco:retryBackoffSeconds": "0.01"})
    engine.up(one_tag)

    def relabelled() -> None:
        ampeco.IdTag("card", id_tag_uid="04AB0001", status="enabled", type="rfid", id_label="Fleet 7")

    admin.faults({"fault": "no_envelope", "methods": ["PATCH"], "times": 1})
    with pytest.raises(DeploymentError) as failed:
        engine.up(relabelled)
    assert "MalformedResponseError: IdTag update failed: PATCH" in only_error(failed)
    assert engine.up(relabelled).step("card").op == "update"  # sent again: PATCH is idempotent
    assert engine.up(relabelled).changes() == []
    [tag] = admin.state()["id_tags"]
    assert tag["idLabel"] == "Fleet 7"


def test_delete_answered_by_a_proxy_page_does_not_leave_the_object_behind(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    engine = fresh_engine()
    engine.up(one_tag)
    admin.faults({"fault": "non_json", "methods": ["DELETE"], "times": 1})
    try:
        engine.destroy()
    except DeploymentError:
        engine.destroy()
    assert admin.state()["id_tags"] == []


# --- one deadline per operation -------------------------------------------------------------------


def test_an_operation_ends_at_its_deadline_whatever_the_retries_and_lookups_would_take(
        fresh_engine: Callable[..., Engine], admin: Admin) -> None:
    """A tenant that holds every POST for 3 s: the create's deadline (1 s here, 120 s by default) cuts
    each POST's timeouts (30 s to read) to fit in what is left, and no POST, lookup or wait starts after
    it. The error says the object may still appear, and how to take it over."""
    engine = fresh_engine(**{"ampeco:operationTimeoutSeconds": "1"})
    admin.faults({"fault": "latency", "seconds": 3, "methods": ["POST"]})
    with pytest.raises(DeploymentError) as failed:
        engine.up(one_tag)
    posts = admin.requests("POST")  # read at once: a POST the tenant is still holding has no status yet
    message = only_error(failed)
    assert "AmbiguousWriteError: IdTag create failed" in message and "adopt_id" in message
    assert "may still be made" in message or "may exist now" in message or "deadline of 1 s" in message
    assert "so none was created" not in message  # it may have been: the POSTs went unanswered
    assert 1 <= len(posts) <= 3 and posts[-1]["status"] is None  # gave up before the tenant answered


def test_a_bad_operation_timeout_is_a_configuration_error(fresh_engine: Callable[..., Engine]) -> None:
    engine = fresh_engine(**{"ampeco:operationTimeoutSeconds": "soon"})
    with pytest.raises(DeploymentError) as failed:
        engine.up(one_tag)
    assert "ampeco:operationTimeoutSeconds must be a positive number of seconds, got 'soon'" in only_error(failed)
