// Switchboard wallboard: renders the server-sent live figures (GET /wallboard/events), one card per svarsgrupp.
(function () {
  'use strict';

  var labels = [
    ['main', [['waiting', 'Väntande'], ['longestWaitSeconds', 'Längsta väntetid']]],
    ['agents', [['ready', 'Lediga'], ['onCall', 'I samtal'], ['wrapUp', 'Efterarbete'], ['paused', 'Paus']]],
    ['today', [['answered', 'Besvarade'], ['abandoned', 'Tappade'], ['serviceLevel', 'Servicenivå']]]
  ];
  var container = document.getElementById('queues');
  var connection = document.getElementById('connection');
  var threshold = document.getElementById('threshold');
  var clock = document.getElementById('clock');
  var cards = {};

  function duration(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var m = Math.floor(s / 60);
    var rest = s % 60;
    return m + ':' + (rest < 10 ? '0' : '') + rest;
  }

  function format(field, value) {
    if (field === 'longestWaitSeconds') { return duration(value); }
    if (field === 'serviceLevel') { return value === null || value === undefined ? '–' : Math.round(value * 100) + ' %'; }
    return String(value);
  }

  function card(queue) {
    var existing = cards[queue.id];
    if (existing) { return existing; }
    var section = document.createElement('section');
    section.className = 'queue';
    section.setAttribute('data-queue', queue.id);
    var title = document.createElement('h2');
    section.appendChild(title);
    var values = {};
    labels.forEach(function (row) {
      var div = document.createElement('div');
      div.className = 'row ' + row[0];
      row[1].forEach(function (pair) {
        var fig = document.createElement('div');
        fig.className = 'fig';
        var label = document.createElement('span');
        label.className = 'label';
        label.textContent = pair[1];
        var value = document.createElement('span');
        value.className = 'value' + (pair[0] === 'longestWaitSeconds' ? ' wait' : '');
        value.setAttribute('data-field', pair[0]);
        fig.appendChild(label);
        fig.appendChild(value);
        div.appendChild(fig);
        values[pair[0]] = value;
      });
      section.appendChild(div);
    });
    container.appendChild(section);
    existing = { section: section, title: title, values: values };
    cards[queue.id] = existing;
    return existing;
  }

  function render(data) {
    threshold.textContent = String(data.thresholdSeconds);
    var seen = {};
    data.queues.forEach(function (queue, index) {
      var c = card(queue);
      seen[queue.id] = true;
      c.title.textContent = queue.name;
      Object.keys(c.values).forEach(function (field) {
        c.values[field].textContent = format(field, queue[field]);
      });
      c.section.classList.toggle('busy', queue.waiting > 0);
      c.section.classList.toggle('late', queue.longestWaitSeconds > data.thresholdSeconds);
      if (container.children[index] !== c.section) { container.insertBefore(c.section, container.children[index] || null); }
    });
    Object.keys(cards).forEach(function (id) {
      if (!seen[id]) { container.removeChild(cards[id].section); delete cards[id]; }
    });
    var at = new Date(data.at);
    clock.textContent = at.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: data.timeZone || undefined });
    document.body.setAttribute('data-updated', data.at);
  }

  function online(yes, text) {
    connection.className = 'connection ' + (yes ? 'online' : 'offline');
    connection.textContent = text;
  }

  function connect() {
    var source = new EventSource('/wallboard/events');
    source.onmessage = function (message) {
      online(true, 'Live');
      render(JSON.parse(message.data));
    };
    source.addEventListener('unavailable', function () { online(false, 'Data saknas just nu'); });
    source.addEventListener('signedout', function () { source.close(); window.location.href = '/wallboard/signin'; });
    source.onerror = function () {
      online(false, 'Frånkopplad – försöker igen');
      if (source.readyState === EventSource.CLOSED) {
        // A refused stream (401) closes for good: check the sign-in, else try again later.
        fetch('/wallboard/events', { method: 'GET', credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
          if (response.status === 401) { window.location.href = '/wallboard/signin'; return; }
          if (response.body) { response.body.cancel(); }
          setTimeout(connect, 3000);
        }, function () { setTimeout(connect, 3000); });
      }
    };
  }

  connect();
}());
