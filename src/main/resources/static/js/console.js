// The console's only hand-written script (the CSP allows no inline script): it sends Spring
// Security's CSRF token with every htmx request that changes something.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
