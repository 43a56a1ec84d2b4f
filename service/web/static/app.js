// No inline script or style anywhere (the Content-Security-Policy forbids both): behaviour is
// here, and the score bars get their width from data-width (CSSOM, which the policy allows).
function sizeBars() {
  document.querySelectorAll(".bar span[data-width]").forEach((bar) => {
    bar.style.width = `${Number(bar.dataset.width)}%`;
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sizeBars);
else sizeBars();

// Status words in the page's language: the server renders them as data-msg-* on <body>.
const msg = (name) => document.body.dataset[name] || name;

// The header's language switcher works without script (a GET form with a button); with script,
// choosing a language is enough.
document.addEventListener("change", (event) => {
  if (event.target.matches("header form.lang select")) event.target.form.submit();
});

// Feedback buttons on lead cards: POST the specialist's choice to the page's own action under /ui
// with the session cookie (the JSON API takes bearer tokens only). The X-Ipsmatch-UI header marks
// the request as coming from our own page (CSRF guard).
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-feedback]");
  if (!button) return;
  const card = button.closest("[data-lead-id]");
  const status = card.querySelector(".status");
  status.textContent = msg("msgSaving");
  const response = await fetch(`/ui/leads/${card.dataset.leadId}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-ipsmatch-ui": "1" },
    body: JSON.stringify({ feedback: button.dataset.feedback }),
  });
  if (response.ok) {
    card.querySelectorAll("button[data-feedback]").forEach((b) => b.classList.remove("chosen"));
    button.classList.add("chosen");
    status.textContent = msg("msgSaved");
    card.dataset.feedback = button.dataset.feedback;
    // Setting a lead aside, or taking that back, moves it: show the (same, recorded) list again.
    if (button.hasAttribute("data-reload")) window.location.reload();
  } else {
    status.textContent = `${msg("msgNotSaved")} (${response.status})`;
  }
});

// Duplicate review: remember that the two are different employers (a merge has its own screen,
// /ui/employers/merge, a plain form).
document.addEventListener("click", async (event) => {
  const button = event.target.closest(".pair button[data-action=not-duplicate]");
  if (!button) return;
  const pair = button.closest(".pair");
  const response = await fetch("/ui/employers/duplicates/not-duplicate", {
    method: "POST",
    headers: { "content-type": "application/json", "x-ipsmatch-ui": "1" },
    body: JSON.stringify({ a_id: pair.dataset.a, b_id: pair.dataset.b }),
  });
  pair.querySelector(".status").textContent = response.ok
    ? msg("msgKeptApart")
    : `${msg("msgFailed")} (${response.status})`;
  if (response.ok) pair.querySelectorAll("button").forEach((b) => (b.disabled = true));
});

// Search-as-you-type on a list (form[data-live]): a short pause after typing fetches the same page
// with the form's filters and swaps in its results (count, rows, pager); the address follows, so
// a reload or a shared link shows the same list. Without script the form is a plain GET.
let liveTimer;
let liveAsked = 0;
document.addEventListener("input", (event) => {
  const form = event.target.closest("form[data-live]");
  if (!form || event.target.name !== "q") return;
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => liveSearch(form), 300);
});

async function liveSearch(form) {
  const asked = ++liveAsked;
  const params = new URLSearchParams(new FormData(form));
  params.delete("page"); // a new search starts on its first page
  const url = `${form.getAttribute("action")}?${params}`;
  const response = await fetch(url, { headers: { "x-ipsmatch-ui": "1" } });
  const html = await response.text();
  if (asked !== liveAsked) return; // a newer search is under way: its answer wins
  const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("list-results");
  const shown = document.getElementById("list-results");
  if (!fresh || !shown) return;
  shown.replaceWith(fresh);
  window.history.replaceState(null, "", url);
}
