"""Property-based run of the whole API against its own OpenAPI description (schemathesis).

Every operation gets generated requests, valid and invalid; every response
must be no server error, carry a documented status code, content type and
shape.  The app runs in-process (ASGI) on the hand-built store, with a fake
coder, so the run takes seconds.
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from tests.api.seed import FakeCoder, seed_store
from tidings.api.app import create_app

# The body limit (413) is tested in test_app.py; here it is set above any body the
# schema allows, so that schemathesis sees the schema's own answer (422) to bad bodies.
app = create_app(seed_store(), coder_factory=FakeCoder, max_body=1024 * 1024)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_description(case: schemathesis.Case) -> None:
    case.call_and_validate()
