// `npm run bench`: runs every bench/*.bench.ts (bundled with esbuild), prints each result as a
// median with a ratio to a baseline measured in the same run, and writes bench/results.json.
// Usage: node scripts/bench.mjs [name-filter]
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2];
const files = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-bench-'));
const all = [];
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
  const results = await mod.run({ root });
  for (const r of results) {
    all.push({ bench: f.replace(/\.bench\.ts$/, ''), ...r });
    const ratio = Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '-';
    console.log(
      `${r.name.padEnd(58)} ${fmt(r.median_ms).padStart(10)}  baseline ${fmt(r.baseline_ms).padStart(10)}  ratio ${ratio.padStart(7)}` +
        (r.aim ? `  aim ${r.aim}` : '') + (r.note ? `  (${r.note})` : ''),
    );
  }
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
history.runs.push({ commit, at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results: all });
history.runs = history.runs.slice(-50);
fs.writeFileSync(file, `${JSON.stringify(history, null, 2)}\n`);
fs.rmSync(tmp, { recursive: true, force: true });
process.stderr.write(`results appended to bench/results.json\n`);
