// The system's share sheet, where the browser has one (the Web Share API): an enhancement of the
// plain share links above it, which work without this script.
(function () {
  "use strict";
  if (!navigator.share) return;
  document.querySelectorAll(".web-share").forEach(function (item) {
    var button = item.querySelector("button");
    item.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.dataset.title, text: button.dataset.text, url: button.dataset.url })
        .catch(function () { /* the reader closed the sheet */ });
    });
  });
  document.querySelectorAll(".share-url").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
