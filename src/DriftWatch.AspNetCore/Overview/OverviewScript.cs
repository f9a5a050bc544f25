namespace DriftWatch.AspNetCore.Overview;

/// <summary>The overview page's inline refresh script.</summary>
internal static class OverviewScript
{
    /// <summary>How often the page refreshes, in milliseconds.</summary>
    public const int IntervalMilliseconds = 2000;

    /// <summary>Fetches <c>/v1/overview</c> every <see cref="IntervalMilliseconds"/> and assigns each cell's server-formatted
    /// text with <c>textContent</c> (never as HTML); rebuilds the alert list the same way; reloads the page only when the
    /// set of models changed.</summary>
    public static readonly string Source = """
        (function () {
          'use strict';
          var status = document.getElementById('refresh-status');
          function rowFor(name) {
            var rows = document.querySelectorAll('tr[data-model]');
            for (var i = 0; i < rows.length; i++) { if (rows[i].getAttribute('data-model') === name) { return rows[i]; } }
            return null;
          }
          function apply(data) {
            var known = document.querySelectorAll('tr[data-model]').length;
            if (data.models.length !== known) { location.reload(); return; }
            data.models.forEach(function (m) {
              var row = rowFor(m.name);
              if (!row) { location.reload(); return; }
              var cells = row.querySelectorAll('[data-field]');
              for (var i = 0; i < cells.length; i++) {
                var field = cells[i].getAttribute('data-field');
                if (Object.prototype.hasOwnProperty.call(m.display, field)) { cells[i].textContent = m.display[field]; }
                if (field === 'predictions') { cells[i].setAttribute('data-value', String(m.predictions)); }
              }
              var badge = row.querySelector('[data-field="drift"]');
              if (badge) { badge.className = m.display.driftClass ? 'badge ' + m.display.driftClass : ''; }
            });
            var list = document.getElementById('alerts');
            while (list.firstChild) { list.removeChild(list.firstChild); }
            if (data.alerts.length === 0) {
              var none = document.createElement('li'); none.textContent = NONE; list.appendChild(none);
            }
            data.alerts.forEach(function (a) {
              var li = document.createElement('li');
              var strong = document.createElement('strong'); strong.textContent = a.name; li.appendChild(strong);
              li.appendChild(document.createTextNode(' [' + a.severity + '] ' + a.summary + ' (since ' + a.since + ')'));
              list.appendChild(li);
            });
            status.textContent = 'Updated ' + data.generated;
          }
          function refresh() {
            fetch('/v1/overview', { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
              .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
              .then(apply)
              .catch(function (e) { status.textContent = 'Refresh failed: ' + e.message; })
              .then(function () { setTimeout(refresh, INTERVAL); });
          }
          setTimeout(refresh, INTERVAL);
        })();
        """.Replace("NONE", "'" + Alerts.AlertsOverview.NoneText + "'", StringComparison.Ordinal).Replace("INTERVAL", IntervalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
