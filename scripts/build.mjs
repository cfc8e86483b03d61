// Builds the bundled dist/ the plugin runs from (Claude Code runs a plugin from its folder without
// installing node_modules). Deterministic: a test rebuilds into a temp dir and compares with dist/.
// Usage: node scripts/build.mjs [--outdir <dir>]
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? path.resolve(process.argv[i + 1]) : path.join(root, 'dist');

export const entries = {
  lanes: 'src/cli/main.ts',
  // Claude Code hooks: one small bundle per event (issue 5); shared code lands in chunks/.
  'hooks/pre-tool-use': 'src/hooks/pre-tool-use.ts',
  'hooks/session-start': 'src/hooks/session-start.ts',
  'hooks/stop': 'src/hooks/stop.ts',
  'hooks/session-end': 'src/hooks/session-end.ts',
  'hooks/worktree-create': 'src/hooks/worktree-create.ts',
  'hooks/worktree-remove': 'src/hooks/worktree-remove.ts',
};

fs.rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(root, v)])),
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // Module paths (which end up in the bundle's comments and keys) stay as written even when
  // node_modules is a symlink (scripts/build-head.sh), so the bundle is the same wherever it is built.
  preserveSymlinks: true,
  loader: { '.yaml': 'text', '.md': 'text' },
  // Bundled CommonJS dependencies (proper-lockfile, systeminformation) call require().
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __lanesRequire } from 'node:module';\nconst require = __lanesRequire(import.meta.url);" },
  logLevel: 'warning',
});
fs.chmodSync(path.join(outdir, 'lanes.mjs'), 0o755);
