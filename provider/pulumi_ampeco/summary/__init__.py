"""Turn ``pulumi preview --json`` output into a Markdown comment for a pull request.

Operators approve network changes in pull requests; CI posts the preview as a comment, so the
comment must say first whether the preview even finished, put what can hurt (deletions,
replacements) before the rest, never leak a secret, and always fit in a GitHub comment.

* ``_digest``: reads the preview digest or an engine event stream (streamed, bounded memory, CI log
  lines tolerated) into a ``PreviewDigest``;
* ``_changes``: folds steps into one change per resource (adoptions apart) and checks the totals;
* ``_members``: counts member changes of mapping-valued inputs (``IdTagSet.tags``);
* ``_redact``: secrets by name and by marker, and scrubbing their clear text;
* ``_values``: property paths and short value rendering;
* ``_markdown``: the size-bounded comment.
"""

from __future__ import annotations

from pulumi_ampeco.summary._digest import ADOPT_ID, PreviewError, load_preview, parse_preview, read_preview
from pulumi_ampeco.summary._markdown import MARKER, MAX_COMMENT_CHARS, failure, render_markdown
from pulumi_ampeco.summary._members import MEMBER_MAPS
from pulumi_ampeco.summary._model import (
    Diagnostic,
    MemberChanges,
    PreviewDigest,
    PreviewStep,
    PropertyDiff,
    ResourceState,
)
from pulumi_ampeco.summary._redact import is_sensitive_name
from pulumi_ampeco.summary._values import parse_property_path

__all__ = [
    "ADOPT_ID",
    "MARKER",
    "MAX_COMMENT_CHARS",
    "MEMBER_MAPS",
    "Diagnostic",
    "MemberChanges",
    "PreviewDigest",
    "PreviewError",
    "PreviewStep",
    "PropertyDiff",
    "ResourceState",
    "failure",
    "is_sensitive_name",
    "load_preview",
    "parse_preview",
    "parse_property_path",
    "read_preview",
    "render_markdown",
]
