"""What the ``--order`` override adds to an answer, and the text/Markdown rendering that shows it.
Shared by ``cli`` (structured input) and ``cli_text`` (notes)."""

from __future__ import annotations

from typing import Any


def order_override(payload: object, order: str | None) -> dict[str, str] | None:
    """``--order`` replaces an order given in the input (and the purpose given for that order): the
    input's own order is removed from ``payload`` and the returned note says what was replaced."""
    if order is None or not isinstance(payload, dict):
        return None
    given = payload.get("order")
    if not isinstance(given, str) or given.strip() == order.strip():
        return None
    del payload["order"]
    note = {"input_order": given, "used": order.strip()}
    purpose = payload.pop("purpose", None)
    if isinstance(purpose, str):
        note["input_purpose"] = purpose
    note["note"] = "--order replaced the order given in the input" + (" and its purpose" if purpose else "")
    return note


def override_line(override: dict[str, str]) -> str:
    """The override note as one line for the text and Markdown outputs."""
    purpose = f" (purpose {override['input_purpose']} dropped)" if "input_purpose" in override else ""
    return f'Order: --order "{override["used"]}" replaced the input\'s order "{override["input_order"]}"{purpose}.'


def render_human(result: dict[str, Any], fmt: str) -> str:
    """Text or Markdown of one decision, with the ``--order`` override note under the headline."""
    from rightscan.adapters.render import to_markdown, to_text

    core = {k: v for k, v in result.items() if k != "order_override"}
    out = (to_markdown if fmt == "markdown" else to_text)(core)
    override = result.get("order_override")
    if not override:
        return out
    head, _, rest = out.partition("\n")
    line = override_line(override)
    return f"{head}\n\n> **{line}**\n{rest}" if fmt == "markdown" else f"{head}\n{line}\n{rest}"
