"""Out-of-band access to the emulated tenant, as a back-office user would change things."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class TenantApi:
    client: httpx.Client

    def get(self, path: str) -> dict[str, Any]:
        response = self.client.get(path)
        response.raise_for_status()
        return response.json()["data"]

    def listing(self, path: str) -> list[dict[str, Any]]:
        """Every object of a collection, page after page."""
        items: list[dict[str, Any]] = []
        url: str | None = f"{path}?per_page=100&cursor="
        while url:
            body = self.client.get(url).json()
            items += body["data"]
            url = (body.get("links") or {}).get("next")
        return items

    def send(self, method: str, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        response = self.client.request(method, path, json=body)
        assert response.status_code < 300, response.text
        return response

    def writes(self) -> list[str]:
        """Write requests (method path) the tenant served since the last reset or clear."""
        log = self.client.get("/_emulator/requests").json()["data"]
        return [f"{r['method']} {r['path']}" for r in log if r["method"] in ("POST", "PATCH", "PUT", "DELETE")]

    def requests(self) -> list[dict[str, Any]]:
        return self.client.get("/_emulator/requests").json()["data"]

    def clear_log(self) -> None:
        self.client.delete("/_emulator/requests").raise_for_status()
