/**
 * The dashboard page: one self-contained document (the machine it runs on may have no network,
 * so no CDN, no fonts, no external script). The script subscribes to /api/events and redraws from
 * each pushed `{ status, graph }`; every piece of text from the state (task titles, owners, error
 * messages are agent input) goes in through textContent, never as markup.
 */
import { CLIENT_JS } from './client.js';

export const STATUS_COLORS = {
  planned: '#94a3b8',
  in_progress: '#3b82f6',
  done: '#22c55e',
  blocked: '#f59e0b',
  failed: '#ef4444',
} as const;

/** A lane the merge queue sent back (a red gate, a conflict): a colour no task state uses. */
export const NEEDS_FIX_COLOR = '#c026d3';

const CSS = `
:root { --bg:#f1f5f9; --card:#fff; --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
header { display:flex; gap:16px; align-items:baseline; padding:12px 20px; background:#0f172a; color:#e2e8f0; flex-wrap:wrap; }
header h1 { margin:0; font-size:18px; letter-spacing:.5px; }
header .repo { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; color:#94a3b8; }
.conn { margin-left:auto; font-size:12px; }
.conn::before { content:""; display:inline-block; width:8px; height:8px; border-radius:50%; margin-right:6px; background:#f59e0b; }
.conn.live::before { background:#22c55e; }
main { padding:16px 20px; display:flex; flex-direction:column; gap:16px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px 16px; min-width:0; }
.card h2 { margin:0 0 8px; font-size:13px; text-transform:uppercase; letter-spacing:.6px; color:var(--muted); }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); gap:16px; }
.bar { display:flex; height:14px; border-radius:7px; overflow:hidden; background:var(--line); margin:6px 0; }
.bar span { display:block; height:100%; }
.counts { display:flex; gap:14px; flex-wrap:wrap; font-size:13px; }
.pill { display:inline-block; padding:1px 8px; border-radius:9px; font-size:12px; color:#fff; white-space:nowrap; }
.pill.planned,.pill.blocked { color:#0f172a; }
.swatch { display:inline-block; width:10px; height:10px; border-radius:3px; margin-right:4px; vertical-align:-1px; }
.muted { color:var(--muted); }
.problems { color:#b45309; margin-top:6px; }
.pause { margin-top:6px; padding:4px 8px; border-radius:4px; background:#fef3c7; color:#92400e; font-weight:600; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th { text-align:left; font-weight:600; color:var(--muted); font-size:12px; border-bottom:1px solid var(--line); padding:4px 6px; }
td { border-bottom:1px solid var(--line); padding:4px 6px; vertical-align:top; }
td.mono, .mono { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; }
.graph-wrap { overflow:auto; max-height:70vh; }
.legend { display:flex; gap:14px; flex-wrap:wrap; font-size:12px; color:var(--muted); margin-bottom:6px; }
svg text { font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
.node { cursor:default; }
.node:hover rect { filter:brightness(1.08); }
#events { list-style:none; margin:8px 0 0; padding:0; max-height:300px; overflow:auto; font-size:12px; }
#events li { padding:2px 0; border-bottom:1px dashed var(--line); }
#events .t { font-family:ui-monospace,Menlo,Consolas,monospace; color:var(--muted); margin-right:8px; }
#events .ty { font-weight:600; margin-right:6px; }
.empty { color:var(--muted); font-style:italic; }
.err { color:#b91c1c; font-size:12px; }
tr.needs-fix td { background:#fdf4ff; }
tr.needs-fix td:first-child { box-shadow:inset 3px 0 0 ${NEEDS_FIX_COLOR}; font-weight:600; }
.fix-reason { color:#86198f; font-size:12px; margin-top:2px; overflow-wrap:anywhere; }
#lanes td, #queue td { overflow-wrap:anywhere; }
`;

export function pageHtml(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Lanes dashboard</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Lanes</h1><span class="repo" id="repo"></span><span class="repo" id="target"></span><span class="conn" id="conn">connecting</span><span class="repo" id="updated"></span></header>
<main>
<section class="card" id="summary"><h2>Plan progress</h2><div id="progress"></div><div id="run"></div><div id="problems" class="problems"></div></section>
<section class="card"><h2>Dependency graph</h2><div class="legend" id="legend"></div><div class="graph-wrap"><svg id="graph" xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg></div></section>
<section class="card"><h2>Lanes</h2><div id="lanes"></div></section>
<div class="grid">
<section class="card"><h2>Merge queue</h2><div id="queue"></div></section>
<section class="card"><h2>Claims</h2><div id="claims"></div></section>
<section class="card"><h2>Resources</h2><div id="resources"></div></section>
</div>
<section class="card"><h2>Timeline</h2><div id="gantt"></div><ol id="events"></ol></section>
</main>
<script nonce="${nonce}">
window.LANES_COLORS = ${JSON.stringify(STATUS_COLORS)};
window.LANES_NEEDS_FIX = ${JSON.stringify(NEEDS_FIX_COLOR)};
${CLIENT_JS}
</script>
</body>
</html>
`;
}
