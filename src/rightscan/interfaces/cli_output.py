"""The text/Markdown rendering of an answer, with the ``--order`` override note under its headline
(the note itself is the application's: ``rightscan.application.order_override``). Shared by ``cli``
(structured input) and ``cli_text`` (notes)."""

from __future__ import annotations

from typing import Any


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
