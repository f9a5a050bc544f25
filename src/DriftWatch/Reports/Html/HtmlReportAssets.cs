namespace DriftWatch.Reports.Html;

/// <summary>The inline stylesheet and script of the HTML report, for pages that embed report sections.</summary>
public static class HtmlReportAssets
{
    /// <summary>The stylesheet (without the <c>&lt;style&gt;</c> tag).</summary>
    public const string Stylesheet = """
        :root{--ref:#4c72b0;--cur:#dd8452;--drift:#b3261e;--ok:#1e7b34;--line:#d0d4da;--muted:#5f6670}
        *{box-sizing:border-box}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1c1f23;background:#f6f7f9;line-height:1.45}
        main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;margin:28px 0 10px}h3{font-size:1.05rem;margin:0 0 6px}
        .sub{color:var(--muted);margin:0 0 16px}
        .verdict{border-radius:8px;padding:14px 18px;color:#fff;font-size:1.15rem;font-weight:600}
        .verdict.drift{background:var(--drift)}.verdict.ok{background:var(--ok)}
        .facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:10px;margin:12px 0 0;padding:0}
        .facts div{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
        .facts dt{font-size:.8rem;color:var(--muted)}.facts dd{margin:2px 0 0;font-weight:600}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px;font-size:.92rem}
        th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;white-space:nowrap}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        th{cursor:pointer;user-select:none;background:#eef0f3;position:relative}
        th:focus{outline:2px solid var(--ref);outline-offset:-2px}
        th[aria-sort=ascending]::after{content:" \25B2";font-size:.7em}th[aria-sort=descending]::after{content:" \25BC";font-size:.7em}
        .badge{display:inline-block;border-radius:10px;padding:1px 9px;font-size:.8rem;font-weight:600;color:#fff}
        .badge.drift{background:var(--drift)}.badge.ok{background:var(--ok)}
        article.column{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0}
        article.column ul{margin:4px 0 10px;padding-left:18px;color:#333;font-size:.92rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:12px}
        figure{margin:0}figcaption{font-size:.85rem;color:var(--muted);margin:2px 0 0 4px}
        svg.chart{width:100%;max-width:720px;height:auto;display:block}
        svg .axis{stroke:#555;stroke-width:1}svg .grid{stroke:#e3e6ea;stroke-width:1}
        svg text{font-size:11px;fill:#333}svg .note{font-size:12px;fill:#c00;font-weight:600}
        footer{color:var(--muted);font-size:.8rem;margin:30px 0 10px}
        a{color:#1f5fa8}
        """;

    /// <summary>The script that makes tables with class <c>sortable</c> sortable by clicking (or Enter/Space on) a
    /// header; cells sort by their <c>data-value</c>, numerically when the header has <c>data-type="number"</c>
    /// (missing values last).</summary>
    public const string Script = """
        (function () {
          'use strict';
          function key(cell, numeric) {
            var v = cell.getAttribute('data-value');
            if (v === null) { v = cell.textContent; }
            if (!numeric) { return v; }
            var n = v === '' ? NaN : parseFloat(v);
            return n;
          }
          function sortBy(table, th, index) {
            var ascending = th.getAttribute('aria-sort') !== 'ascending';
            var headers = table.tHead.rows[0].cells;
            for (var h = 0; h < headers.length; h++) { headers[h].removeAttribute('aria-sort'); }
            th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
            var numeric = th.getAttribute('data-type') === 'number';
            var body = table.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows);
            rows.forEach(function (r, i) { r.__order = i; });
            rows.sort(function (a, b) {
              var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric), c;
              if (numeric) {
                var xn = isNaN(x), yn = isNaN(y);
                if (xn || yn) { return xn === yn ? a.__order - b.__order : (xn ? 1 : -1); }
                c = x - y;
              } else {
                c = String(x).localeCompare(String(y));
              }
              if (c === 0) { return a.__order - b.__order; }
              return ascending ? c : -c;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          }
          var tables = document.querySelectorAll('table.sortable');
          Array.prototype.forEach.call(tables, function (table) {
            var headers = table.tHead.rows[0].cells;
            Array.prototype.forEach.call(headers, function (th, index) {
              th.tabIndex = 0;
              th.addEventListener('click', function () { sortBy(table, th, index); });
              th.addEventListener('keydown', function (e) {
                if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(table, th, index); }
              });
            });
          });
        })();
        """;
}
