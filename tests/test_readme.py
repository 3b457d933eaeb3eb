"""What a new user follows in the README and docs/ leads somewhere: every relative link and anchor
resolves, the first hour's sections come in order, and the calls to the local server give what the
README says they give (replayed in-process; tests/test_docs.py runs the other commands as written)."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import ROOT
from rightscan.interfaces.http.app import create_app
from rightscan.settings import Settings

README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```.*?^```", re.S | re.M)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(doc: Path) -> set[str]:
    return {_anchor(h) for h in re.findall(r"^#+ (.+)$", FENCE.sub("", doc.read_text(encoding="utf-8")), re.M)}


def _relative_links(doc: Path) -> list[str]:
    text = FENCE.sub("", doc.read_text(encoding="utf-8"))
    return [link for link in LINK.findall(text) if not re.match(r"[a-z][a-z0-9+.-]*:", link)]


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(doc: Path) -> None:
    broken = []
    for link in _relative_links(doc):
        path, _, fragment = link.partition("#")
        target = (doc.parent / path).resolve() if path else doc
        if not target.exists() or (fragment and target.suffix == ".md" and fragment not in _anchors(target)):
            broken.append(link)
    assert not broken, f"{doc.name}: broken links {broken}"


def test_the_link_check_sees_a_broken_link(tmp_path: Path) -> None:
    doc = tmp_path / "x.md"
    doc.write_text("# Title\n[a](missing.md) [b](#title) [c](#nowhere) [d](https://example.org)\n```\n[e](f)\n```\n")
    assert _relative_links(doc) == ["missing.md", "#title", "#nowhere"]
    assert _anchors(doc) == {"title"}


def test_the_first_hour_comes_first() -> None:
    """What it is, how to install and get a first answer, how to read it, its input and output, its
    limits; the service, the audit and the internals after that."""
    headings = re.findall(r"^## (.+)$", FENCE.sub("", README.read_text(encoding="utf-8")), re.M)
    first = ["Two commands", "Using it", "Input", "Output (`--format json`)", "Limitations and safety"]
    assert headings[: len(first)] == first
    assert "### Reading the answer" in README.read_text(encoding="utf-8").split("## Using it", 1)[0]


# ---------------------------------------------------------------------------------------------- calls to the server
def _curl_calls() -> list[tuple[str, str, Path | None]]:
    """(method, path, body file) of each ``curl`` line to the local server in the README's sh blocks."""
    calls = []
    for block in re.findall(r"^```sh\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M):
        for line in block.splitlines():
            if not line.startswith("curl "):
                continue
            words = shlex.split(line.split("  #", 1)[0])
            url = next(w for w in words if w.startswith("http://127.0.0.1:8000/"))
            data = next((w[1:] for w in words if w.startswith("@")), None)
            calls.append(("POST" if data else "GET", url.removeprefix("http://127.0.0.1:8000"), data and ROOT / data))
    return calls


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    tmp: Path = tmp_path_factory.mktemp("readme")
    with TestClient(create_app(Settings(database_url=f"sqlite:///{tmp / 'log.db'}"))) as c:
        yield c


def test_the_readme_calls_the_cds_service_and_the_api_as_a_new_user_would() -> None:
    paths = [(method, path) for method, path, _ in _curl_calls()]
    assert ("GET", "/cds-services") in paths
    assert ("POST", "/cds-services/rightscan-imaging") in paths and ("POST", "/v1/evaluate") in paths


def test_each_readme_call_to_the_server_answers_what_the_readme_says(client: TestClient) -> None:
    for method, path, body in _curl_calls():
        content = body.read_bytes() if body else None
        r = client.request(method, path, content=content, headers={"Content-Type": "application/json"})
        assert r.status_code == 200, (path, r.text[:300])
        answer = r.json()
        if path == "/cds-services":
            assert [s["id"] for s in answer["services"]] == ["rightscan-imaging", "rightscan-imaging"]
        elif path == "/cds-services/rightscan-imaging":
            (card,) = answer["cards"]
            summary = "FDG-PET/CT Skull Base to Mid-Thigh: Usually Not Appropriate - clinical stage IA, no red flag"
            assert card["indicator"] == "warning" and card["summary"] == summary
            labels = [s["label"] for s in card["suggestions"]]
            assert labels[0] == "Order US Breast (CPT 76641) instead" and labels[-1] == "Cancel this order"
            assert len(labels) == 4 and len(card["overrideReasons"]) == 5 and card["links"]
            assert "not-appropriate" in str(answer["systemActions"])
        elif path == "/v1/evaluate":
            assert answer["decision_id"] and answer["links"]["explanation"].endswith(answer["decision_id"])
            assert answer["systemic_imaging"] == "not_recommended"
        else:
            pytest.fail(f"a README call this test does not check: {method} {path}")


@pytest.mark.parametrize("doc", DOCS[1:], ids=lambda p: str(p.relative_to(ROOT)))
def test_docs_run_scripts_with_the_projects_interpreter_and_name_existing_ones(doc: Path) -> None:
    """After `make run` the interpreter is .venv/bin/python; a bare `python` may be another one."""
    code = " ".join(re.findall(r"`([^`\n]+)`", doc.read_text(encoding="utf-8")))
    assert not re.search(r"(?<![/\w.-])python3? ", code), f"{doc.name}: use .venv/bin/python"
    for script in re.findall(r"\.venv/bin/python ([\w/.-]+\.py)", code):
        assert (ROOT / script).exists(), f"{doc.name}: {script}"
