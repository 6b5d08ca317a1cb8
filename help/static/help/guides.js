// Load a video site's player only when the reader asks for it: until then the
// page shows the poster and a link to the video site, and no request leaves
// this site. The link stays for readers without JavaScript.
(function () {
  "use strict";

  function insertPlayer(container) {
    var frame = document.createElement("iframe");
    frame.src = container.getAttribute("data-player-url");
    frame.title = container.getAttribute("data-player-title");
    frame.className = "guide-embed__frame";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    container.replaceChildren(frame);
    frame.focus();
  }

  document.querySelectorAll("[data-guide-embed]").forEach(function (container) {
    var link = container.querySelector(".guide-embed__play");
    if (!link) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = container.getAttribute("data-play-label");
    button.addEventListener("click", function () {
      insertPlayer(container);
    });
    link.replaceWith(button);
  });
})();
