// Small enhancements on top of htmx (the page works without them).
// 1. "Did you mean" buttons under the study field put their exact catalogue name in the field.
// 2. A source number ([3]) opens the collapsed list of sources it points to.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.suggestion");
  if (button) {
    var field = document.getElementById("f-order");
    if (!field) return;
    event.preventDefault(); // fill the field only; the clinician evaluates when ready
    field.value = button.getAttribute("data-value");
    field.dispatchEvent(new Event("change", { bubbles: true }));
    field.focus();
    return;
  }
  var ref = event.target.closest("a.fn");
  if (ref) {
    var target = document.getElementById(ref.getAttribute("href").slice(1));
    var box = target && target.closest("details");
    if (box) box.open = true;
  }
});
