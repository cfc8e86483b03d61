// `npm run bench`: runs every bench/*.bench.ts (bundled with esbuild), prints each result as a
// median with a ratio to a baseline measured in the same run, the machine's load while it ran, and
// writes bench/results.json. bench/README.md says what each row measures and its aim.
// Usage: node scripts/bench.mjs [--check] [name-filter]
//   --check  exit 1 when a figure misses its aim by more than the noise band it states
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const filter = args.find((a) => !a.startsWith('--'));
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(
    `bench: no bench/*.bench.ts matches "${filter}"; the files are: ${fs
      .readdirSync(path.join(root, 'bench'))
      .filter((f) => f.endsWith('.bench.ts'))
      .join(', ')}`,
  );
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-'));
const cpus = os.cpus().length;
const load = () => os.loadavg()[0] / cpus;
const all = [];
const misses = [];
console.log(`node ${process.version}, ${cpus} CPUs, load per CPU at start ${load().toFixed(2)}`);
for (const f of files) {
  const out = path.join(tmp, f.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [path.join(root, 'bench', f)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    loader: { '.yaml': 'text', '.md': 'text' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  process.stderr.write(`running ${f}...\n`);
  const mod = await import(pathToFileURL(out).href);
  const before = load();
  const results = await mod.run({ root });
  // The 1-minute load average lags: report the larger of before and after as "the load it ran under".
  const ranUnder = Math.max(before, load());
  for (const r of results) {
    const row = { bench: f.replace(/\.bench\.ts$/, ''), ...r, load_per_cpu: Number(ranUnder.toFixed(2)) };
    const verdict = judge(r);
    if (verdict) row.verdict = verdict;
    all.push(row);
    if (verdict === 'missed') misses.push(row);
    const ratio = Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '-';
    console.log(
      `${r.name.padEnd(64)} ${fmt(r.median_ms).padStart(10)}  baseline ${fmt(r.baseline_ms).padStart(10)}  ratio ${ratio.padStart(7)}` +
        `  load ${ranUnder.toFixed(2)}` +
        (r.aim ? `  aim ${r.aim}` : '') +
        (verdict ? `  ${verdict}` : '') +
        (r.note ? `\n${' '.repeat(6)}(${r.note})` : ''),
    );
  }
}

/** 'met', 'within noise' or 'missed' for a figure with a machine-checkable aim. */
function judge(r) {
  const a = r.check;
  if (!a) return undefined;
  const v = a.on === 'ratio' ? r.ratio : r.median_ms;
  if (!Number.isFinite(v)) return 'missed';
  if (v <= a.max) return 'met';
  if (v <= a.max * (1 + a.noise)) return 'within noise';
  return 'missed';
}

function fmt(ms) {
  if (ms === undefined || ms === null) return '-';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {}
const file = path.join(root, 'bench', 'results.json');
const history = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { runs: [] };
history.runs.push({ commit, at: new Date().toISOString(), node: process.version, cpus, results: all });
history.runs = history.runs.slice(-50);
fs.writeFileSync(file, `${JSON.stringify(history, null, 2)}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
process.stderr.write(`results appended to bench/results.json\n`);
if (check) {
  const checked = all.filter((r) => r.check).length;
  if (misses.length) {
    console.log(`\n${misses.length} of ${checked} checked figures missed their aim by more than their noise band:`);
    for (const m of misses)
      console.log(
        `  ${m.name}: ${m.check.on === 'ratio' ? `${m.ratio.toFixed(2)}x` : fmt(m.median_ms)} vs aim ${m.aim} (noise band ${Math.round(m.check.noise * 100)} %)`,
      );
    process.exit(1);
  }
  console.log(`\nall ${checked} checked figures met their aim (or missed it by less than their noise band)`);
}
