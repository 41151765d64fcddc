// The phone simulator's script (the CSP allows no inline script): after a text is sent with htmx,
// empty the box and keep the focus in it, and keep the newest message in view.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.detail.elt;
  if (form && form.id === "send" && event.detail.successful) {
    form.reset();
    var box = document.getElementById("body");
    if (box) {
      box.focus();
    }
  }
});
document.addEventListener("htmx:afterSwap", scrollChat);
document.addEventListener("DOMContentLoaded", scrollChat);
function scrollChat() {
  var chat = document.getElementById("chat");
  if (chat) {
    chat.scrollTop = chat.scrollHeight;
  }
}
