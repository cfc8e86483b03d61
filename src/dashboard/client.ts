/**
 * The page's script, plain ES2019 so any current browser runs it untranspiled. It holds no state
 * of its own beyond the last pushed snapshot: every push redraws everything (a few hundred DOM
 * nodes), and a timer redraws every 5 s so relative times ("3m ago") stay true.
 * Kept free of backticks and dollar-brace so it can live in a template string.
 */
export const CLIENT_JS = String.raw`
(function () {
  'use strict';
  var COLORS = window.LANES_COLORS;
  var NEEDS_FIX = window.LANES_NEEDS_FIX;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var last = null;
  var updates = 0;
  var $ = function (id) { return document.getElementById(id); };

  function h(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'class') n.className = attrs[k];
      else n.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  function s(tag, attrs, kids) {
    var n = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k]; else n.setAttribute(k, String(attrs[k]));
    });
    (kids || []).forEach(function (c) { if (c) n.appendChild(c); });
    return n;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function dur(ms) {
    var t = Math.max(0, Math.round(ms / 1000));
    if (t < 60) return t + 's';
    if (t < 3600) return Math.floor(t / 60) + 'm';
    if (t < 86400) return Math.floor(t / 3600) + 'h' + String(Math.floor((t % 3600) / 60)).padStart(2, '0') + 'm';
    return Math.floor(t / 86400) + 'd' + Math.floor((t % 86400) / 3600) + 'h';
  }
  function ago(iso) { return iso ? dur(Date.now() - Date.parse(iso)) + ' ago' : '-'; }
  function clock(iso) { var d = new Date(iso); return isNaN(d) ? iso : d.toLocaleTimeString(); }
  function pill(st) { return h('span', { class: 'pill ' + st, style: 'background:' + (COLORS[st] || '#64748b'), text: st.replace('_', ' ') }); }
  function table(head, rows, empty) {
    if (!rows.length) return h('div', { class: 'empty', text: empty });
    return h('table', null, [
      h('thead', null, [h('tr', null, head.map(function (x) { return h('th', { text: x }); }))]),
      h('tbody', null, rows.map(function (r) {
        return h('tr', r.attrs || null, r.cells.map(function (c) {
          if (c && c.nodeType) return h('td', null, [c]);
          return h('td', { text: c == null ? '-' : String(c) });
        }));
      })),
    ]);
  }

  function renderSummary(st) {
    var p = st.plan;
    var box = clear($('progress'));
    if (!p) { box.appendChild(h('div', { class: 'empty', text: 'No plan yet: lanes plan <tasks file>' })); }
    else {
      var bar = h('div', { class: 'bar', id: 'progress-bar' });
      ['done', 'in_progress', 'blocked', 'failed', 'planned'].forEach(function (k) {
        var n = p.by_status[k];
        if (n) bar.appendChild(h('span', { title: n + ' ' + k, style: 'width:' + (100 * n / p.tasks) + '%;background:' + COLORS[k] }));
      });
      box.appendChild(h('div', null, [h('strong', { text: Math.round(p.progress * 100) + '% done' }), ' \u00b7 ' + p.tasks + ' tasks in ' + p.waves.length + ' waves \u00b7 parallelism ' + p.parallelism + ', predicted speedup ' + p.speedup + 'x']));
      box.appendChild(bar);
      box.appendChild(h('div', { class: 'counts' }, ['done', 'in_progress', 'planned', 'blocked', 'failed'].map(function (k) {
        return h('span', { 'data-count': k }, [h('span', { class: 'swatch', style: 'background:' + COLORS[k] }), p.by_status[k] + ' ' + k.replace('_', ' ')]);
      })));
    }
    var run = clear($('run'));
    if (st.run) {
      var r = st.run;
      var parts = Object.keys(r.tasks).map(function (k) { return r.tasks[k] + ' ' + k; }).join(', ');
      run.appendChild(h('div', { class: 'muted', text: 'Run ' + (r.id || '') + ': ' + r.state + (r.state !== 'running' && r.finished_at ? ', stopped ' + ago(r.finished_at) : r.started_at ? ', started ' + ago(r.started_at) : '') + (r.parallelism ? ', parallelism ' + r.parallelism : '') + (r.agent ? ', agent ' + r.agent : '') + (parts ? ' \u2014 ' + parts : '') }));
      // A run paused on a usage limit admits nothing until the reset: say so where people look first.
      if (r.paused) run.appendChild(h('div', { class: 'pause', id: 'run-paused', text: r.paused.text + (r.paused.task ? ' (task ' + r.paused.task + ' hit it)' : '') }));
      if (r.cost) run.appendChild(h('div', { class: 'muted', id: 'run-cost', text: 'Estimated cost: ' + r.cost.text }));
    }
    var pr = clear($('problems'));
    st.problems.forEach(function (x) { pr.appendChild(h('div', { text: 'Could not read ' + x })); });
  }

  function renderLegend() {
    var lg = clear($('legend'));
    Object.keys(COLORS).forEach(function (k) { lg.appendChild(h('span', null, [h('span', { class: 'swatch', style: 'background:' + COLORS[k] }), k.replace('_', ' ')])); });
    lg.appendChild(h('span', { text: '\u2192 depends on' }));
    lg.appendChild(h('span', { style: 'color:#e11d48', text: '- - - conflicting scopes (never together)' }));
    lg.appendChild(h('span', { style: 'color:#a855f7', text: '\u25a2 in the merge queue' }));
    lg.appendChild(h('span', { style: 'color:' + NEEDS_FIX, text: '\u25a2 needs fix (sent back by the queue)' }));
  }

  function renderGraph(g) {
    var svg = clear($('graph'));
    svg.setAttribute('width', g.width);
    svg.setAttribute('height', g.height);
    svg.setAttribute('viewBox', '0 0 ' + g.width + ' ' + g.height);
    if (!g.nodes.length) return;
    svg.appendChild(s('defs', null, [s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#64748b' })])]));
    g.columns.forEach(function (c) { svg.appendChild(s('text', { x: c.x, y: 18, 'font-size': 12, fill: '#64748b', 'font-weight': 600, text: 'wave ' + c.wave })); });
    var edges = s('g', { class: 'edges' });
    g.edges.forEach(function (e) {
      var a = { class: 'edge ' + e.kind, d: e.d, fill: 'none', 'data-from': e.from, 'data-to': e.to };
      if (e.kind === 'dep') { a.stroke = '#64748b'; a['stroke-width'] = 1.5; a['marker-end'] = 'url(#arrow)'; }
      else { a.stroke = '#e11d48'; a['stroke-width'] = 1.5; a['stroke-dasharray'] = '6 4'; a.opacity = 0.85; }
      edges.appendChild(s('path', a));
    });
    svg.appendChild(edges);
    var nodes = s('g', { class: 'nodes' });
    g.nodes.forEach(function (n) {
      var dark = n.status === 'planned' || n.status === 'blocked';
      var sub = n.fix ? 'needs fix: ' + n.fix
        : n.merge ? 'merge: ' + n.merge
        : n.run ? 'run: ' + n.run + (n.attempts > 1 ? ' #' + n.attempts : '')
        : n.status.replace('_', ' ') + (n.owner && n.status === 'in_progress' ? ' \u00b7 ' + n.owner + (n.machine ? ' on ' + n.machine : '') : '');
      var gn = s('g', { class: 'node' + (n.fix ? ' needs-fix' : ''), 'data-task': n.id, 'data-status': n.status, transform: 'translate(' + n.x + ',' + n.y + ')' }, [
        s('title', { text: n.id + ' \u2014 ' + n.title + '\n' + sub + (n.lane ? '\nlane: ' + n.lane : '') }),
        s('rect', { width: n.w, height: n.h, rx: 8, fill: COLORS[n.status] || '#64748b', stroke: n.fix ? NEEDS_FIX : n.merge ? '#a855f7' : 'rgba(15,23,42,.25)', 'stroke-width': n.fix || n.merge ? 3 : 1 }),
        s('text', { x: 10, y: 15, 'font-size': 12, 'font-weight': 600, fill: dark ? '#0f172a' : '#fff', text: n.label }),
        s('text', { x: 10, y: 29, 'font-size': 10, fill: dark ? '#334155' : 'rgba(255,255,255,.9)', text: sub.length > 26 ? sub.slice(0, 25) + '\u2026' : sub }),
      ]);
      nodes.appendChild(gn);
    });
    svg.appendChild(nodes);
  }

  // A lane the merge queue sent back: its own state, with the reason under it (the server lists them first).
  function needsFix(nf) {
    return h('div', null, [
      h('span', { class: 'pill needs-fix', style: 'background:' + NEEDS_FIX, text: 'needs fix' }),
      h('div', { class: 'fix-reason', text: nf.reason }),
      nf.told_at && h('div', { class: 'fix-told', text: 'agent told ' + new Date(nf.told_at).toLocaleTimeString() }),
    ].filter(Boolean));
  }

  function renderLanes(st) {
    $('lanes').replaceChildren(table(['Task', 'Lane', 'Task state', 'Dirty', 'Ahead/behind', 'Age', 'Last activity', 'Owner'], st.lanes.map(function (l) {
      var dirty = l.missing ? (l.state === 'starting' ? '-' : 'missing') : l.dirty_count ? l.dirty_count + (l.untracked_count ? ' (' + l.untracked_count + ' new)' : '') : 'clean';
      var attrs = { 'data-lane': l.task_id || l.path };
      if (l.needs_fix) { attrs['class'] = 'needs-fix'; attrs['data-needs-fix'] = l.needs_fix.kind; }
      return { attrs: attrs, cells: [
        l.kind === 'foreign' ? '(' + (l.branch || l.path) + ')' : l.task_id,
        l.problem ? h('span', { title: l.problem, class: 'err', text: (l.kind === 'foreign' ? 'foreign' : l.state) + ' \u26a0' }) : l.kind === 'foreign' ? 'foreign' : l.state,
        l.needs_fix ? needsFix(l.needs_fix) : l.task_status ? pill(l.task_status) : '-',
        dirty,
        l.ahead == null ? '-' : l.ahead + ' / ' + (l.behind || 0),
        l.created_at ? dur(Date.now() - Date.parse(l.created_at)) : '-',
        ago(l.last_activity),
        l.owner,
      ] };
    }), 'No lanes'));
  }

  function renderQueue(st) {
    var m = st.merge;
    var box = clear($('queue'));
    box.appendChild(h('div', { class: 'muted', text: m.processor.running ? 'Processor running (pid ' + m.processor.pid + ')' : 'No processor running' }));
    box.appendChild(table(['#', 'Task', 'State', 'Waited', 'Notes'], m.queue.map(function (e) {
      var notes = [];
      if (e.waiting_for && e.waiting_for.length) notes.push('waits for ' + e.waiting_for.join(', '));
      if (e.conflicts) notes.push(e.conflicts + ' likely conflict(s)');
      if (e.attempts > 1) notes.push('attempt ' + e.attempts);
      if (e.kind === 'revert') notes.push('revert');
      return { attrs: { 'data-entry': e.task }, cells: [e.position, e.task, e.state, e.state === 'queued' ? dur(Date.now() - Date.parse(e.queued_at)) : '-', notes.join('; ')] };
    }), 'Queue empty'));
    if (m.recent.length) {
      box.appendChild(h('h2', { text: 'Recent', style: 'margin-top:10px' }));
      box.appendChild(table(['Task', 'Result', 'When', 'Detail'], m.recent.map(function (e) {
        return { cells: [e.task, e.state, ago(e.finished_at), e.landed_as ? e.landed_as.slice(0, 10) : h('span', { class: 'err', text: e.last_error || '' })] };
      }), ''));
    }
  }

  function renderClaims(st) {
    $('claims').replaceChildren(table(['Owner', 'Mode', 'Pattern', 'Expires'], st.claims.map(function (c) {
      return { cells: [c.owner + (c.machine ? ' on ' + c.machine : ''), c.mode, h('span', { class: 'mono', text: c.pattern }), 'in ' + dur(Date.parse(c.expires_at) - Date.now())] };
    }), 'No live claims'));
  }

  function renderResources(st) {
    var r = st.resources;
    var memUsed = r.mem_total_mb ? 1 - r.mem_available_mb / r.mem_total_mb : 0;
    var diskUsed = r.disk_total_mb ? 1 - r.disk_free_mb / r.disk_total_mb : 0;
    var meter = function (f) { return h('div', { class: 'bar' }, [h('span', { style: 'width:' + Math.round(f * 100) + '%;background:' + (f > 0.9 ? '#ef4444' : '#64748b') })]); };
    $('resources').replaceChildren(
      h('div', { text: r.cpus + ' CPUs, load ' + r.load1.toFixed(2) + ' (' + r.load_per_cpu.toFixed(2) + ' per CPU)' }),
      h('div', { text: 'Memory: ' + r.mem_available_mb + ' MB available of ' + r.mem_total_mb + ' MB' }), meter(memUsed),
      h('div', { text: 'Disk: ' + r.disk_free_mb + ' MB free of ' + r.disk_total_mb + ' MB' }), meter(diskUsed)
    );
  }

  function renderTimeline(st) {
    var box = clear($('gantt'));
    var tasks = st.plan ? [].concat.apply([], st.plan.waves.map(function (w) { return w.tasks; })).filter(function (t) { return t.started_at; }) : [];
    if (!tasks.length) box.appendChild(h('div', { class: 'empty', text: 'No task has started yet' }));
    else {
      tasks.sort(function (a, b) { return Date.parse(a.started_at) - Date.parse(b.started_at); });
      var now = Date.now();
      var t0 = Date.parse(tasks[0].started_at);
      var t1 = Math.max.apply(null, tasks.map(function (t) { return t.finished_at ? Date.parse(t.finished_at) : now; }).concat([t0 + 1000]));
      var W = 900, L = 140, row = 18, H = tasks.length * row + 24;
      var svg = s('svg', { id: 'gantt-svg', viewBox: '0 0 ' + W + ' ' + H, width: '100%', height: H, preserveAspectRatio: 'xMinYMin meet' });
      var x = function (t) { return L + (W - L - 10) * (t - t0) / (t1 - t0); };
      tasks.forEach(function (t, i) {
        var a = Date.parse(t.started_at), b = t.finished_at ? Date.parse(t.finished_at) : now;
        svg.appendChild(s('text', { x: 0, y: i * row + 13, 'font-size': 11, fill: '#334155', text: t.id.length > 20 ? t.id.slice(0, 19) + '\u2026' : t.id }));
        svg.appendChild(s('rect', { x: x(a), y: i * row + 3, width: Math.max(2, x(b) - x(a)), height: row - 6, rx: 3, fill: COLORS[t.status] }, [s('title', { text: t.id + ': ' + t.status + ', ' + dur(b - a) })]));
      });
      svg.appendChild(s('text', { x: L, y: H - 4, 'font-size': 10, fill: '#64748b', text: clock(new Date(t0).toISOString()) }));
      svg.appendChild(s('text', { x: W - 10, y: H - 4, 'font-size': 10, fill: '#64748b', 'text-anchor': 'end', text: t1 >= now - 1000 ? 'now' : clock(new Date(t1).toISOString()) }));
      box.appendChild(svg);
    }
    var ev = clear($('events'));
    st.recent_events.slice().reverse().forEach(function (e) {
      ev.appendChild(h('li', null, [h('span', { class: 't', text: clock(e.ts) }), h('span', { class: 'ty', text: e.type }), (e.task ? e.task + ' ' : '') + e.text]));
    });
    if (!st.recent_events.length) ev.appendChild(h('li', { class: 'empty', text: 'No events yet' }));
  }

  function draw() {
    if (!last) return;
    var st = last.status;
    $('repo').textContent = st.repo;
    $('target').textContent = 'target ' + st.target + (st.target_sha ? ' @ ' + st.target_sha.slice(0, 8) : '');
    $('updated').textContent = 'updated ' + clock(st.generated_at) + ' (' + st.took_ms + ' ms)';
    var parts = [renderSummary, renderLanes, renderQueue, renderClaims, renderResources, renderTimeline];
    parts.forEach(function (f) { try { f(st); } catch (e) { console.error(e); } });
  }

  function onStatus(ev) {
    try { last = JSON.parse(ev.data); } catch (e) { return; }
    updates++;
    renderGraph(last.graph);
    draw();
    document.body.setAttribute('data-updates', String(updates));
    document.body.setAttribute('data-generated', last.status.generated_at);
  }

  renderLegend();
  var conn = $('conn');
  var es = new EventSource('/api/events');
  es.addEventListener('status', onStatus);
  es.onopen = function () { conn.textContent = 'live'; conn.className = 'conn live'; };
  es.onerror = function () { conn.textContent = 'reconnecting'; conn.className = 'conn'; };
  setInterval(draw, 5000);
})();
`;
