// The web chat page (/chat/{token}): its messages over Server-Sent Events, the participant's by POST.
(function () {
  var base = location.pathname.replace(/\/$/, '');
  var log = document.getElementById('log');
  var status = document.getElementById('status');
  var seen = {};
  function add(text, who, id) {
    if (id) { if (seen[id]) { return; } seen[id] = true; }
    var item = document.createElement('li');
    item.className = who;
    item.textContent = text;
    log.appendChild(item);
    item.scrollIntoView();
  }
  var events = new EventSource(base + '/events');
  events.onopen = function () { status.textContent = status.dataset.connected; };
  events.onerror = function () { status.textContent = status.dataset.reconnecting; };
  events.addEventListener('message', function (event) {
    var line = JSON.parse(event.data);
    add(line.body, 'them', line.id);
  });
  document.getElementById('send').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('message');
    var text = input.value.trim();
    if (!text) { return; }
    add(text, 'me');
    input.value = '';
    fetch(base + '/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: text }) })
      .then(function (response) { if (!response.ok) { status.textContent = status.dataset.notSent; } })
      .catch(function () { status.textContent = status.dataset.offline; });
  });
})();
