// kronik web: highlight layers on the article page. The page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("body");
  const layers = document.querySelector("fieldset.layers");
  if (!body || !layers) return;
  layers.hidden = false;
  layers.addEventListener("change", (ev) => {
    const box = ev.target;
    if (box && box.dataset && box.dataset.layer) body.classList.toggle("show-" + box.dataset.layer, box.checked);
  });
});
