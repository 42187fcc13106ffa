// Shows every <time datetime> of the admin pages in the reader's own zone, to the minute, and keeps
// the ages beside them ("3 minutes ago") current. Without this script the page shows UTC.
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short'
  });

  function local(date) {
    var p = {};
    parts.formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ' ' + p.timeZoneName;
  }

  // The same words as PageTimes.ago on the server.
  function age(date, now) {
    var minutes = Math.floor(Math.abs(now - date) / 60000);
    var future = date > now;
    if (minutes < 1) {
      return future ? 'in less than a minute' : 'just now';
    }
    var n = minutes < 60 ? minutes : minutes < 48 * 60 ? Math.floor(minutes / 60) : Math.floor(minutes / 1440);
    var unit = minutes < 60 ? 'minute' : minutes < 48 * 60 ? 'hour' : 'day';
    var span = n + ' ' + unit + (n === 1 ? '' : 's');
    return future ? 'in ' + span : span + ' ago';
  }

  function render() {
    var now = Date.now();
    document.querySelectorAll('time[datetime]').forEach(function (element) {
      var date = new Date(element.getAttribute('datetime'));
      if (isNaN(date)) {
        return;
      }
      element.textContent = local(date);
      element.title = element.getAttribute('datetime').replace('T', ' ').replace('Z', ' UTC');
      var next = element.nextElementSibling;
      if (element.dataset.age && next && next.classList.contains('age')) {
        next.textContent = '(' + age(date, now) + ')';
      }
    });
    document.querySelectorAll('.reader-zone').forEach(function (element) {
      element.textContent = 'Times are in your zone, ' + zone + '.';
    });
  }

  render();
  setInterval(render, 30000);
}());
