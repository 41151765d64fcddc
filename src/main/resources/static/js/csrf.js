// Sends the page's CSRF token with every htmx request and exposes it for fetch().
// Pages put <meta name="_csrf" th:content="${_csrf.token}"> and
// <meta name="_csrf_header" th:content="${_csrf.headerName}"> in their <head> and load this file.
(function () {
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }
  var token = meta('_csrf');
  var header = meta('_csrf_header');
  window.reconnectCsrf = function () {
    var headers = {};
    if (token && header) {
      headers[header] = token;
    }
    return headers;
  };
  document.addEventListener('htmx:configRequest', function (event) {
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });
})();
