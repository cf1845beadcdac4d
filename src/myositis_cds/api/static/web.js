// myositis-cds web page: the only script. The page works without it; it draws the timeline
// plot (inline SVG) after the result has been shown, so the result is not kept waiting.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector("form.case-form");
  document.querySelectorAll("[data-plot-src]").forEach(function (box) {
    if (!form) { return; }
    // The plot of the case in the facts form: the same case the result was drawn from.
    fetch(box.getAttribute("data-plot-src"), {
      method: "POST", body: new FormData(form), credentials: "same-origin"
    })
      .then(function (r) { return r.status === 200 ? r.text() : Promise.reject(r.status); })
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
