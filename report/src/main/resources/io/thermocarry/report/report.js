/* thermocarry report: builds every chart of the page with uPlot from the JSON in #report-data.
   No network access: everything this page needs is inline. window.thermocarry exposes what was drawn
   (tests and the PNG export read it); <html data-ready="true"> is set once every chart has been drawn. */
(function () {
  'use strict';
  var state = { charts: [], errors: [], ready: false };
  window.thermocarry = state;
  window.addEventListener('error', function (e) { state.errors.push(String(e.message)); });

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var groups = {};
  var plots = [];
  var syncing = false;

  function tick(v) {
    if (v == null || !isFinite(v)) { return ''; }
    var a = Math.abs(v);
    if (a === 0) { return '0'; }
    if (a >= 1e6 || a < 1e-4) { return v.toExponential(1).replace('e+', 'e'); }
    return String(+v.toPrecision(4)).replace('-', '\u2212');
  }
  function legendValue(v) {
    if (v == null || !isFinite(v)) { return '\u2013'; }
    var a = Math.abs(v);
    if (a !== 0 && (a >= 1e6 || a < 1e-4)) { return v.toExponential(3); }
    return String(+v.toPrecision(5));
  }
  function utc(ts) { return uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'); }
  function pad2(n) { return (n < 10 ? '0' : '') + n; }
  function dateText(ts) {
    var d = new Date(ts * 1e3);
    return d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate()) + ' ' +
      pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes()) + ' UTC';
  }

  function bandsHook(spec) {
    return function (u) {
      if (!spec.bands.length) { return; }
      var ctx = u.ctx, b = u.bbox;
      ctx.save();
      for (var i = 0; i < spec.bands.length; i++) {
        var band = spec.bands[i];
        var x0 = Math.max(u.valToPos(band[0], 'x', true), b.left);
        var x1 = Math.min(u.valToPos(band[1], 'x', true), b.left + b.width);
        if (x1 <= x0) { continue; }
        ctx.fillStyle = spec.bandStyles[band[2]].color;
        ctx.fillRect(x0, b.top, Math.max(x1 - x0, 1), b.height);
      }
      ctx.restore();
    };
  }

  function linesHook(spec) {
    return function (u) {
      if (!spec.lines.length) { return; }
      var ctx = u.ctx, b = u.bbox, dpr = window.devicePixelRatio || 1;
      ctx.save();
      ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
      ctx.textAlign = 'right';
      for (var i = 0; i < spec.lines.length; i++) {
        var l = spec.lines[i];
        var y = u.valToPos(l.value, 'y' + l.axis, true);
        if (!(y >= b.top && y <= b.top + b.height)) { continue; }
        ctx.strokeStyle = l.color;
        ctx.lineWidth = 1.5 * dpr;
        ctx.setLineDash([6 * dpr, 4 * dpr]);
        ctx.beginPath();
        ctx.moveTo(b.left, y);
        ctx.lineTo(b.left + b.width, y);
        ctx.stroke();
        ctx.fillStyle = l.color;
        // alternate sides and above/below so that labels of close lines never overlap
        if (i % 2 === 0) {
          ctx.textAlign = 'right';
          ctx.fillText(l.label, b.left + b.width - 4 * dpr, y - 4 * dpr);
        } else {
          ctx.textAlign = 'left';
          ctx.fillText(l.label, b.left + 4 * dpr, y + 13 * dpr);
        }
      }
      ctx.restore();
    };
  }

  function includeZero(u, min, max) {
    if (min == null || max == null) { return [0, 1]; }
    var lo = Math.min(0, min), hi = Math.max(0, max);
    if (lo === hi) { hi = lo + 1; }
    var padding = (hi - lo) * 0.08;
    return [lo < 0 ? lo - padding : 0, hi > 0 ? hi + padding : 0];
  }

  function build(spec) {
    var holder = document.getElementById('chart-' + spec.id);
    var cats = spec.categories || [];
    var isTime = spec.xKind === 'time';
    var isCat = spec.xKind === 'category';
    var barSeries = spec.series.filter(function (s) { return s.style === 'bars'; }).length;
    var scales = { x: { time: isTime } };
    if (isCat) {
      scales.x.range = function () { return [-0.5, cats.length - 0.5]; };
    }
    var axes = [{
      label: spec.xLabel, labelSize: 20, labelGap: 4,
      size: isCat ? (cats.some(function (c) { return c.indexOf('\n') >= 0; }) ? 50 : 34) : (isTime ? 50 : 40),
      grid: { show: !isCat, stroke: '#eaeef2' }, ticks: { stroke: '#d0d7de' }
    }];
    if (isCat) {
      axes[0].splits = function () { return cats.map(function (_, i) { return i; }); };
      axes[0].values = function (u, splits) { return splits.map(function (i) { return cats[i] == null ? '' : cats[i]; }); };
    }
    spec.axes.forEach(function (a, i) {
      var key = 'y' + i;
      var sc = { auto: true };
      if (a.scale === 'log') { sc.distr = 3; sc.log = 10; }
      if (a.scale === 'asinh') { sc.distr = 4; sc.asinh = a.linthresh || 1; }
      if (barSeries > 0 && a.scale === 'linear') { sc.range = includeZero; }
      scales[key] = sc;
      axes.push({
        scale: key, label: a.label, labelSize: 18, side: i === 0 ? 3 : 1, size: 62,
        grid: { show: i === 0, stroke: '#eaeef2' }, ticks: { stroke: '#d0d7de' },
        values: function (u, splits) { return splits.map(tick); }
      });
      if (a.scale === 'asinh') {
        // 0 and signed powers of ten from the linear zone outwards (uPlot's default asinh splits crowd near 0)
        axes[axes.length - 1].splits = function (u, axisIdx, min, max) {
          var out = [0], top = Math.max(Math.abs(min), Math.abs(max));
          var p = Math.pow(10, Math.ceil(Math.log10(a.linthresh || 1)));
          var powers = [];
          for (; p <= top * 1.0001 && powers.length < 12; p *= 10) { powers.push(p); }
          var step = powers.length > 4 ? 2 : 1;
          for (var k = powers.length - 1; k >= 0; k -= step) {
            if (powers[k] <= max) { out.push(powers[k]); }
            if (-powers[k] >= min) { out.push(-powers[k]); }
          }
          return out.sort(function (x, y) { return x - y; });
        };
      }
      if (a.scale === 'log') {
        // label and grid only the powers of ten: the 2..9 minor lines of a log axis crowd a short chart
        var pow10 = function (u, splits) {
          return splits.map(function (v) { var e = Math.log10(v); return Math.abs(e - Math.round(e)) < 1e-9 ? v : null; });
        };
        var ax = axes[axes.length - 1];
        ax.filter = pow10;
        ax.grid.filter = pow10;
        ax.ticks.filter = pow10;
      }
    });
    var series = [{ label: spec.xLabel, value: isTime ? function (u, v) { return v == null ? '\u2013' : dateText(v); }
      : isCat ? function (u, v) { return v == null ? '\u2013' : (cats[Math.round(v)] || '').replace('\n', ' '); }
      : undefined }];
    var barIndex = 0;
    var groupWidth = 0.8;
    spec.series.forEach(function (s) {
      var o = { label: s.label, stroke: s.color, width: s.style === 'bars' ? 1 : 1.4, scale: 'y' + s.axis,
        spanGaps: false, value: function (u, v) { return legendValue(v); }, points: { show: false } };
      if (s.dash) { o.dash = [6, 4]; }
      if (s.style === 'step') { o.paths = uPlot.paths.stepped({ align: 1 }); }
      if (s.style === 'points') {
        o.paths = function () { return null; };
        o.points = { show: true, size: 4, stroke: s.color, fill: s.color };
      }
      if (s.style === 'bars') {
        var j = barIndex++;
        var w = groupWidth / barSeries;
        o.fill = s.color;
        o.paths = uPlot.paths.bars({
          size: [1, Infinity],
          disp: {
            x0: { unit: 1, values: function (u) { return u.data[0].map(function (x) { return x - groupWidth / 2 + j * w; }); } },
            size: { unit: 1, values: function () { return [w * 0.9]; } }
          }
        });
      }
      series.push(o);
    });
    var opts = {
      width: Math.max(holder.clientWidth, 300),
      height: spec.height,
      scales: scales, axes: axes, series: series,
      legend: { live: true },
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 6 } },
      hooks: { drawClear: [bandsHook(spec)], draw: [linesHook(spec)] }
    };
    if (isTime) { opts.tzDate = utc; }
    if (spec.sync) {
      opts.cursor.sync = { key: spec.sync, setSeries: false };
      opts.hooks.ready = [function (u) { u.thermocarryReady = true; }];
      opts.hooks.setScale = [function (u, key) {
        // only a reader's zoom propagates (not each chart's own initial range while the page is built)
        if (key !== 'x' || syncing || !u.thermocarryReady || !state.ready) { return; }
        syncing = true;
        try {
          (groups[spec.sync] || []).forEach(function (p) {
            if (p !== u) { p.setScale('x', { min: u.scales.x.min, max: u.scales.x.max }); }
          });
        } finally { syncing = false; }
      }];
    }
    var cols = [spec.x].concat(spec.series.map(function (s) { return s.v; }));
    var plot = new uPlot(opts, cols, holder);
    plot.thermocarryHolder = holder;
    if (isCat) {
      // the legend's x entry of a category chart would only repeat the axis: hide it
      var first = plot.root.querySelector('.u-legend .u-series');
      if (first) { first.style.display = 'none'; }
    }
    plots.push(plot);
    if (spec.sync) { (groups[spec.sync] = groups[spec.sync] || []).push(plot); }
    var points = 0;
    spec.series.forEach(function (s) { s.v.forEach(function (v) { if (v != null) { points++; } }); });
    state.charts.push({ id: spec.id, points: points, series: spec.series.length });
  }

  data.charts.forEach(function (spec) {
    try {
      build(spec);
    } catch (e) {
      state.errors.push(spec.id + ': ' + e.message);
      var holder = document.getElementById('chart-' + spec.id);
      if (holder) { holder.innerHTML = '<p class="chart-error">chart failed: ' + String(e.message).replace(/</g, '&lt;') + '</p>'; }
      console.error('thermocarry chart ' + spec.id + ' failed: ' + e.message);
    }
  });

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () {
      plots.forEach(function (p) { p.setSize({ width: Math.max(p.thermocarryHolder.clientWidth, 300), height: p.height }); });
    }, 120);
  });

  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      state.ready = true;
      document.documentElement.setAttribute('data-ready', 'true');
    });
  });
})();
