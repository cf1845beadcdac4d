// myositis-cds web page: the only script. The page works without it; it draws the timeline
// plot (inline SVG) after the result has been shown, so the result is not kept waiting.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-plot-src]").forEach(function (box) {
    fetch(box.getAttribute("data-plot-src"), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (svg) {
        box.innerHTML = svg;
        box.classList.add("drawn");
      })
      .catch(function () {
        var p = box.querySelector("p");
        if (p) { p.textContent = "The timeline plot could not be drawn; the timeline is listed below."; }
      });
  });
});
