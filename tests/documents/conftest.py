"""Fixtures of the document tests: fresh contexts for each test."""

from __future__ import annotations

import pytest
from document_helpers import make_committee_context, make_form_context, make_notice_context


@pytest.fixture
def notice_context() -> dict:
    return make_notice_context()


@pytest.fixture
def form_context() -> dict:
    return make_form_context()


@pytest.fixture
def committee_context() -> dict:
    return make_committee_context()
