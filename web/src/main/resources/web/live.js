// Tallyroom live updates: progressive enhancement only. Pages work without this script; with it, a
// declaration or correction for what the page shows refreshes the page's main content in place, and
// every declaration is listed in the ticker. One EventSource per page; the browser reconnects by itself.
(function () {
  'use strict';
  if (!window.EventSource || !window.fetch || !window.DOMParser) { return; }
  var main = document.getElementById('main');
  var ticker = document.getElementById('ticker');
  if (!main) { return; }
  var key = main.getAttribute('data-live') || '';
  var refreshing = false;
  var again = false;

  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (text) {
        if (!text) { return; }
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.getElementById('main');
        var active = document.activeElement;
        if (fresh && !(active && main.contains(active) && /INPUT|TEXTAREA|SELECT/.test(active.tagName))) {
          // A hexagon map keeps the reader's place: the focused hexagon keeps focus, and hexagons whose
          // party changed are marked until the next update.
          var focusedHex = active && active.closest && active.closest('svg.hexes a[data-ballot]');
          var focusedId = focusedHex ? focusedHex.getAttribute('data-ballot') : null;
          var before = {};
          main.querySelectorAll('svg.hexes a[data-ballot]').forEach(function (a) {
            before[a.getAttribute('data-ballot')] = a.getAttribute('data-party') + '|' + a.getAttribute('data-status');
          });
          main.innerHTML = fresh.innerHTML;
          main.setAttribute('data-updated', String(Date.now()));
          main.querySelectorAll('svg.hexes a[data-ballot]').forEach(function (a) {
            var id = a.getAttribute('data-ballot');
            if (id in before && before[id] !== a.getAttribute('data-party') + '|' + a.getAttribute('data-status')) {
              a.classList.add('changed');
            }
            if (id === focusedId) { a.focus(); }
          });
        }
      })
      .catch(function () { /* the next event will try again */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  function note(kind, e) {
    if (!ticker) { return; }
    var li = document.createElement('li');
    li.className = 'new';
    var a = document.createElement('a');
    a.href = '/ballots/' + encodeURIComponent(e.ballotId);
    a.textContent = e.name + (e.organisation ? ' (' + e.organisation + ')' : '');
    li.appendChild(a);
    var text = ' ' + (kind === 'correction' ? 'corrected' : 'declared') + ': ' +
      (e.elected && e.elected.length ? e.elected.join(', ') : '') + (e.verdict ? ' — ' + e.verdict : '');
    li.appendChild(document.createTextNode(text));
    if (ticker.firstElementChild && !ticker.firstElementChild.querySelector('a')) {
      ticker.removeChild(ticker.firstElementChild);
    }
    ticker.insertBefore(li, ticker.firstChild);
    while (ticker.children.length > 8) { ticker.removeChild(ticker.lastChild); }
  }

  function handle(kind) {
    return function (msg) {
      var e;
      try { e = JSON.parse(msg.data); } catch (err) { return; }
      note(kind, e);
      if (key === '*' || key === e.ballotId || key === e.electionId) { refresh(); }
    };
  }

  var source = new EventSource('/api/live');
  source.addEventListener('declaration', handle('declaration'));
  source.addEventListener('correction', handle('correction'));
})();
