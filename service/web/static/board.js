// The employer board's drag and drop (/ui/employers/board). Without script every card still moves
// with its own "Move to" form (a plain POST); a drop only chooses the stage in that form and posts
// it with fetch, then shows the board the server answers with (the moved card in its new column,
// or the message of a move that failed). No inline script: the Content-Security-Policy forbids it.
let dragged = null;

document.addEventListener("dragstart", (event) => {
  const card = event.target.closest?.(".board-card");
  if (!card) return;
  dragged = card;
  card.classList.add("dragging");
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", card.dataset.employerId);
});

document.addEventListener("dragend", () => {
  dragged?.classList.remove("dragging");
  document.querySelectorAll(".column.drop-here").forEach((c) => c.classList.remove("drop-here"));
  dragged = null;
});

document.addEventListener("dragover", (event) => {
  const column = event.target.closest?.(".board .column");
  if (!column || !dragged) return;
  event.preventDefault(); // allows the drop
  event.dataTransfer.dropEffect = "move";
  document.querySelectorAll(".column.drop-here").forEach((c) => c !== column && c.classList.remove("drop-here"));
  column.classList.add("drop-here");
});

document.addEventListener("drop", (event) => {
  const column = event.target.closest?.(".board .column");
  if (!column || !dragged) return;
  event.preventDefault();
  if (dragged.closest(".column") === column) return; // dropped where it was
  const form = dragged.querySelector("form.move");
  form.querySelector("select[name=stage]").value = column.dataset.stage;
  moveCard(form);
});

async function moveCard(form) {
  const board = document.getElementById("board");
  board.setAttribute("aria-busy", "true");
  let response;
  try {
    // a form body (the cookie write's Origin check applies, as for the form without script)
    response = await fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)) });
  } catch {
    form.submit(); // no answer: post the form the ordinary way
    return;
  }
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
  if (!fresh.getElementById("board")) {
    window.location.assign(response.url); // not the board (signed out meanwhile): show what it is
    return;
  }
  // the messages' box stays (a live region: its new words are read out); the board is replaced
  document.getElementById("board-messages").innerHTML = fresh.getElementById("board-messages")?.innerHTML ?? "";
  document.getElementById("board").replaceWith(fresh.getElementById("board"));
  if (response.redirected) window.history.replaceState(null, "", response.url);
  const moved = document.querySelector(".board-card.just-moved a.employer");
  moved?.focus();
}
