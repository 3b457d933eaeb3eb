"""The worked multi-node example (deploy/): what the proxy in front of the instances must enforce.

nginx itself is not installed here, so these read the configuration as text; each checks a directive whose
absence an attacker found (docs/security.md, third and fourth passes)."""

from __future__ import annotations

import re

from conftest import ROOT

NGINX = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
ENV = (ROOT / "deploy" / "example.env").read_text(encoding="utf-8")


def _servers() -> list[str]:
    """The text of each ``server { ... }`` block of the http context (braces balanced)."""
    out = []
    for start in (m.start() for m in re.finditer(r"^\s*server\s*\{", NGINX, re.M)):
        depth, i = 0, NGINX.index("{", start)
        for j in range(i, len(NGINX)):
            depth += {"{": 1, "}": -1}.get(NGINX[j], 0)
            if depth == 0:
                out.append(NGINX[start : j + 1])
                break
    return out


def test_per_client_request_and_connection_limits_are_set_and_applied() -> None:
    assert re.search(r"limit_req_zone\s+\$binary_remote_addr\s+zone=(\w+):\d+m\s+rate=\d+r/s;", NGINX)
    assert re.search(r"limit_conn_zone\s+\$binary_remote_addr\s+zone=\w+:\d+m;", NGINX)
    public = [s for s in _servers() if "proxy_pass" in s]
    assert len(public) == 1
    assert re.search(r"limit_req\s+zone=\w+", public[0]) and re.search(r"limit_conn\s+\w+\s+\d+;", public[0])


def test_only_the_public_host_reaches_the_service() -> None:
    """``server_name _`` forwarded any Host to the instances; now a default server refuses the handshake and
    the service's server answers only its own name, the host of RIGHTSCAN_PUBLIC_URL in the example."""
    servers = _servers()
    default = [s for s in servers if "default_server" in s]
    assert len(default) == 1 and "ssl_reject_handshake on;" in default[0] and "proxy_pass" not in default[0]
    public = next(s for s in servers if "proxy_pass" in s)
    name = re.search(r"server_name\s+([^;\s]+);", public)
    assert name and name.group(1) != "_"
    url = re.search(r"^RIGHTSCAN_PUBLIC_URL=https://([^/\s]+)", ENV, re.M)
    assert url and url.group(1) == name.group(1)


def test_no_access_log_carries_decision_links() -> None:
    assert all("access_log off;" in s for s in _servers())


def test_browsers_are_told_to_use_https_only() -> None:
    """The fourth-pass proxy sent no Strict-Transport-Security header (attack pass 44)."""
    public = next(s for s in _servers() if "proxy_pass" in s)
    assert re.search(r'add_header\s+Strict-Transport-Security\s+"max-age=\d{7,}[^"]*"\s+always;', public)


def test_the_instances_trust_forwarded_headers_from_the_proxy_only() -> None:
    """uvicorn trusts X-Forwarded-Proto from 127.0.0.1 only by default; the proxy is not on the instances'
    loopback, so its ``https`` was ignored (attack pass 44). The instances name the proxy's fixed address."""
    import yaml

    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))
    command = compose["x-rightscan"]["command"]
    trusted = command[command.index("--forwarded-allow-ips") + 1]
    proxy = compose["services"]["proxy"]["networks"]["default"]["ipv4_address"]
    assert trusted == proxy and trusted != "*"
    assert "X-Forwarded-Proto https" in NGINX.replace("proxy_set_header ", "")
