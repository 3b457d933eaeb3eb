"""The pieces of the SMART launch that need no server: PKCE, the launch cookie, the patient reference."""

from __future__ import annotations

import pytest

from rightscan.adapters.security.links import Launch, LinkError, LinkSigner, Session
from rightscan.adapters.security.smart import authorize_url, code_challenge, oauth_error


def test_code_challenge_matches_the_rfc_7636_example() -> None:
    verifier, challenge = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    assert code_challenge(verifier) == challenge  # RFC 7636, Appendix B


def test_the_verifier_is_secret_long_enough_and_tied_to_the_state() -> None:
    signer, other = LinkSigner(b"a" * 32), LinkSigner(b"b" * 32)
    verifier = signer.pkce_verifier("state-1")
    assert 43 <= len(verifier) <= 128 and verifier.isalnum()
    assert verifier == signer.pkce_verifier("state-1")
    assert verifier != signer.pkce_verifier("state-2") and verifier != other.pkce_verifier("state-1")
    url = authorize_url(
        "https://as.example/authorize?x=1",
        client_id="c",
        redirect_uri="https://rs.example/launch/callback",
        scope="launch openid",
        state="state-1",
        aud="https://fhir.example/r4",
        launch="L",
        verifier=verifier,
    )
    assert url.startswith("https://as.example/authorize?x=1&response_type=code&")
    assert verifier not in url and code_challenge(verifier) in url and "code_challenge_method=S256" in url


def test_the_launch_cookie_cannot_be_forged_or_reused_by_another_service() -> None:
    signer = LinkSigner(b"a" * 32)
    launch = Launch(state="s", iss="https://fhir.example/r4", token_endpoint="https://as.example/token")
    assert signer.read_launch(signer.launch_token(launch)) == launch
    with pytest.raises(LinkError):
        LinkSigner(b"b" * 32).read_launch(signer.launch_token(launch))
    with pytest.raises(LinkError):  # a session token is not a launch
        signer.read_launch(signer.session_token(Session(tenant="t")))
    with pytest.raises(LinkError):  # expired
        signer.read_launch(signer.launch_token(launch, now=0))


def test_the_patient_reference_is_per_organisation_and_hides_the_id() -> None:
    signer = LinkSigner(b"a" * 32)
    ref = signer.patient_ref("https://ehr.example|a", "pat-1")
    assert ref is not None and "pat-1" not in ref
    assert ref == signer.patient_ref("https://ehr.example|a", "pat-1")
    assert ref != signer.patient_ref("https://ehr.example|b", "pat-1")
    assert ref != signer.patient_ref("https://ehr.example|a", "pat-2")
    assert signer.patient_ref("https://ehr.example|a", None) is None
    session = signer.read_session(signer.session_token(Session(tenant="https://ehr.example|a", subject=ref)))
    assert session.subject == ref and session.tenant == "https://ehr.example|a"


def test_only_standard_oauth_error_codes_are_repeated() -> None:
    assert oauth_error("invalid_grant") == "invalid_grant"
    assert oauth_error("<script>Jane Doe</script>") == "error" and oauth_error(None) == "error"
