// Reveal the "Copy citation" button and copy the citation field's text when it
// is pressed. Without JavaScript the button stays hidden and the text can be
// selected and copied by hand.
(function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById(field.id + "-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var showCopied = function () { status.textContent = button.getAttribute("data-copied"); };
      field.select();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(showCopied, function () {});
      } else if (document.execCommand("copy")) {
        showCopied();
      }
    });
  });
})();
