"""Whether head office accepts this desk: the probe ``amends doctor`` and Help → Diagnostics
pass to the core's checks (``desktop.core.doctor.run_checks(head_office=...)``).

It reads the token from the keychain and asks head office once, quickly; it never prints
the token and never changes anything.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.doctor import Check, Status
from desktop.core.secrets import SecretStore, token_name

HQ_TIMEOUT = 3.0  # seconds: the doctor must answer quickly even when head office does not


def probe_head_office(data_dir: Path, url: str, device_id: str) -> Check:
    """One cheap authenticated request: reachable, and does head office accept this desk."""
    try:
        token = SecretStore(data_dir).get(token_name(device_id))
    except Exception as error:  # a broken keyring must not stop the doctor
        return Check("head office", Status.WARN, f"enrolled with {url}; token unreadable: "
                                                 f"{type(error).__name__}")
    if not token:
        return Check("head office", Status.FAIL, f"enrolled with {url} but the token is not in "
                                                 "the keychain: enrol again with a new code")
    import httpx

    try:
        # have=2**31: never a newer policy, so a cheap 204 that still checks the token.
        response = httpx.get(f"{url}/api/v1/policy", params={"have": 2**31},
                             headers={"Authorization": f"Bearer {token}"}, timeout=HQ_TIMEOUT)
    except httpx.HTTPError as error:
        return Check("head office", Status.WARN, f"{url} not reachable now "
                                                 f"({type(error).__name__})")
    if response.status_code == 401:
        return Check("head office", Status.FAIL, f"{url} does not accept this desk (revoked, "
                                                 "or enrolled again elsewhere)")
    if response.status_code >= 400:
        return Check("head office", Status.WARN, f"{url} answered {response.status_code}")
    return Check("head office", Status.OK, f"{url} reachable, this desk accepted")
