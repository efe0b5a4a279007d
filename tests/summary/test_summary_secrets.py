"""Clear-text secrets never reach the comment, however many there are and wherever a cut falls."""

from __future__ import annotations

import json

from _summary_kit import digest, renamed, step
from hypothesis import given
from hypothesis import strategies as st
from pulumi_ampeco.summary import parse_preview, render_markdown
from pulumi_ampeco.summary._redact import Scrubber


def test_overlapping_secrets_are_masked_as_one() -> None:
    scrub = Scrubber(["abcd1234", "1234wxyz", "zz-top-secret"])

    assert scrub("before abcd1234wxyz after") == "before *** after"
    assert scrub("zz-top-secret") == "***"
    assert scrub("abc 1234 wxyz") == "abc 1234 wxyz"


def test_tens_of_thousands_of_secrets_are_scrubbed_exactly() -> None:
    secrets = [f"Pass-{i:06}-x" for i in range(50_000)]
    scrub = Scrubber(secrets)
    text = " ".join(f"id {i} pw {secrets[i]}" for i in range(0, 50_000, 7))

    scrubbed = scrub(text)

    assert "Pass-" not in scrubbed and scrubbed.count("***") == len(range(0, 50_000, 7))


@given(st.integers(0, 80), st.integers(0, 80), st.integers(0, 160), st.text("abcdef", min_size=4, max_size=40),
       st.text("abcdef", min_size=4, max_size=40))
def test_a_cut_never_leaves_a_piece_of_a_secret(before: int, after: int, limit: int, secret: str,
                                                other: str) -> None:
    scrub = Scrubber([secret, other])
    text = "x" * before + secret + "y" * after + other + "x" * after

    kept = scrub.clip(text, limit)

    assert len(kept) <= max(limit, 0)
    assert set(kept) <= {"x", "y", "*", "…"}


def test_a_token_set_without_secret_in_the_config_is_scrubbed_from_diagnostics() -> None:
    text = digest(renamed(1), config={"ampeco:apiToken": "tok-5f2b9c1e", "ampeco:tenantUrl": "https://t"},
                  diagnostics=[{"urn": "", "severity": "warning", "message": "warning: token tok-5f2b9c1e expires"}])

    markdown = render_markdown(parse_preview(text))

    assert "tok-5f2b9c1e" not in markdown and "token *** expires" in markdown


def test_a_secret_of_a_step_that_is_not_listed_is_still_scrubbed_where_it_leaks() -> None:
    steps = [renamed(i) for i in range(3_000)]  # far more than fit: most are never listed
    leak = {"urn": "", "severity": "warning", "message": "warning: Pass-002999-x was rotated"}

    markdown = render_markdown(parse_preview(digest(*steps, diagnostics=[leak])))

    assert "Pass-002999-x" not in markdown and "*** was rotated" in markdown


def test_a_secret_name_in_a_member_id_or_a_resource_name_is_masked() -> None:
    text = json.dumps({"steps": [step("update", "ChargePoint", "cp-Pass-000001-x", old={"pin": "Pass-000001-x"},
                                      new={"pin": "Pass-000001-x"}, diffReasons=["pin"])]})

    assert "Pass-000001-x" not in render_markdown(parse_preview(text))
