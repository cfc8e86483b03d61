// Builds plugin/, the folder Claude Code installs the plugin from. Claude Code copies a plugin's
// folder (and would install its package.json's dependencies, devDependencies included), so the
// plugin is its own folder holding only what it runs: the bundle (dist/), hooks, skills, agents,
// .mcp.json and a manifest made from package.json. Deterministic: a test rebuilds into a temp dir
// and compares every file with the committed plugin/.
// Usage: node scripts/build.mjs [--outdir <dir>]   (default: <repo>/plugin)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--outdir');
const outdir = i > 0 ? path.resolve(process.argv[i + 1]) : path.join(root, 'plugin');
const dist = path.join(outdir, 'dist');

export const entries = {
  lanes: 'src/cli/main.ts',
  // The hooks that run once per worktree need the config (zod) up front: split with the CLI.
  'hooks/worktree-create': 'src/hooks/worktree-create.ts',
  'hooks/worktree-remove': 'src/hooks/worktree-remove.ts',
  // The lane-only parts of the light hooks below (state lock, git, config), each loaded with a
  // dynamic import: split with the CLI, so zod and YAML are never copied.
  'hooks/heavy/renew': 'src/hooks/heavy/renew.ts',
  'hooks/heavy/notice': 'src/hooks/heavy/notice.ts',
  'hooks/heavy/session-start-lane': 'src/hooks/heavy/session-start-lane.ts',
  'hooks/heavy/stop-lane': 'src/hooks/heavy/stop-lane.ts',
  'hooks/heavy/session-end-work': 'src/hooks/heavy/session-end-work.ts',
};

/**
 * The hooks Claude Code runs at every edit, start and stop: each is one file holding everything it
 * loads before its lane-only part (about 20 module files before: Node's ESM loader pays for each one
 * it resolves, reads, compiles and links). Their `./heavy/*` imports stay dynamic and load the
 * entries above. Nothing else may be imported lazily from them (the build fails), so no heavy
 * dependency is copied into a hook file.
 */
export const lightHooks = {
  'hooks/pre-tool-use': 'src/hooks/pre-tool-use.ts',
  'hooks/session-start': 'src/hooks/session-start.ts',
  'hooks/stop': 'src/hooks/stop.ts',
  'hooks/session-end': 'src/hooks/session-end.ts',
};

/** The plugin's components, copied as they are from the repository. */
const COMPONENTS = ['hooks', 'skills', 'agents', '.mcp.json'];

/**
 * A hash of every source file, package.json and the lockfile (zod's version judges the config
 * too): the hooks key their memo of the validated config with it, so a build with another schema
 * never trusts a config judged by an older one.
 */
function buildId() {
  const h = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      // Only what the bundle can be made of: a stray editor file must not change the build.
      else if (e.isFile() && /\.(ts|json|yaml|md)$/.test(e.name))
        h.update(`${path.relative(root, p)}\0`)
          .update(fs.readFileSync(p))
          .update('\0');
    }
  };
  walk(path.join(root, 'src'));
  for (const f of ['package.json', 'package-lock.json'])
    if (fs.existsSync(path.join(root, f))) h.update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex').slice(0, 16);
}

/**
 * The MCP server's answers to a session's first requests (initialize, tools/list, the discover
 * probe), taken from the real server built from these sources (src/mcp/answers.ts), so that
 * `lanes mcp` can answer them before it loads the SDK, zod and the tools (src/mcp/front.ts).
 */
async function mcpAnswers() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-build-answers-'));
  try {
    const gen = path.join(tmp, 'answers.mjs');
    // Built as the bundle is (split ESM chunks): as one file, zod's lazily initialized modules run
    // after the SDK's schemas that use them.
    await build({
      stdin: {
        contents:
          "import { captureAnswers } from './src/mcp/answers.ts';\nprocess.stdout.write(JSON.stringify(await captureAnswers()));\nprocess.exit(0);\n",
        resolveDir: root,
        loader: 'ts',
      },
      outdir: tmp,
      entryNames: 'answers',
      outExtension: { '.js': '.mjs' },
      splitting: true,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      preserveSymlinks: true,
      loader: { '.yaml': 'text', '.md': 'text' },
      banner: { js: "import { createRequire as __lanesRequire } from 'node:module';\nconst require = __lanesRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const out = execFileSync(process.execPath, [gen], {
      cwd: tmp,
      env: { ...process.env, LANES_LOG: 'error' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const answers = JSON.parse(out.toString('utf8'));
    if (Object.keys(answers.versions).length === 0 || !answers.discover)
      throw new Error('build: the MCP server gave no answers to capture');
    return answers;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Node's builtins are taken with require(), not imported as ES modules: an ES import of a builtin
 * builds its ESM facade, which reads every export once, lazy getters included (`fs`'s ReadStream
 * getter loads the whole stream stack, `crypto`'s webcrypto getter loads WebCrypto): about 5 ms of
 * a PreToolUse run (docs/performance.md). Through require() the module is the same object and a
 * lazy part loads only when used. esbuild has already dropped the imports nothing uses; each chunk's
 * builtin imports become `var` bindings at its top, before any of its code runs.
 */
function builtinsByRequire(file) {
  const text = fs.readFileSync(file, 'utf8');
  const taken = [];
  const rest = text.replace(/^import ([^;'"\n]+?) from "(node:[a-z_/]+)";\n/gm, (_, clause, spec) => {
    const req = `require(${JSON.stringify(spec)})`;
    const one = /^(?:\* as )?([\w$]+)$/.exec(clause);
    const named = /^\{([^}]*)\}$/.exec(clause);
    if (one) taken.push(`var ${one[1]} = ${req};`);
    else if (named) {
      const names = named[1]
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      taken.push(`var { ${names.map((n) => n.replace(/^([\w$]+) as ([\w$]+)$/, '$1: $2')).join(', ')} } = ${req};`);
    } else throw new Error(`build: ${file}: cannot take "import ${clause} from ${spec}" with require()`);
    return '';
  });
  if (taken.length === 0) return;
  const anchor = 'const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));\n';
  const at = rest.indexOf(anchor);
  if (at < 0) throw new Error(`build: ${file} has no require banner`);
  const end = at + anchor.length;
  fs.writeFileSync(file, `${rest.slice(0, end)}${taken.join('\n')}\n${rest.slice(end)}`);
}

const answers = await mcpAnswers();
fs.rmSync(outdir, { recursive: true, force: true });
const common = {
  // The answers go in as one JSON string: parsing a string is faster than evaluating a literal.
  define: { __LANES_BUILD_ID__: JSON.stringify(buildId()), __LANES_MCP_ANSWERS__: JSON.stringify(JSON.stringify(answers)) },
  absWorkingDir: root,
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  // Module paths (which end up in the bundle's comments and keys) stay as written even when
  // node_modules is a symlink (scripts/build-head.sh), so the bundle is the same wherever it is built.
  preserveSymlinks: true,
  loader: { '.yaml': 'text', '.md': 'text' },
  // Bundled CommonJS dependencies (proper-lockfile, systeminformation) call require(), and so do
  // the builtin imports (builtinsByRequire below). One require for the whole bundle: creating one
  // per chunk cost about 0.05 ms each, over the 20 to 40 chunks a hook loaded.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __lanesRequire } from 'node:module';\nconst require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));",
  },
  logLevel: 'warning',
};
/**
 * proper-lockfile falls back to graceful-fs only for an `fs` option left out, and src/state/lock.ts
 * always passes its own (the lease's synchronous calls). Loading graceful-fs all the same cost every
 * hook that takes a lock its evaluation (it clones and patches fs, and patches process.cwd): it is
 * replaced by Node's fs, the module it would have wrapped.
 */
const noGracefulFs = {
  name: 'no-graceful-fs',
  setup(b) {
    b.onResolve({ filter: /^graceful-fs$/ }, () => ({ path: 'graceful-fs', namespace: 'lanes-fs' }));
    b.onLoad({ filter: /.*/, namespace: 'lanes-fs' }, () => ({ contents: "module.exports = require('node:fs');", loader: 'js' }));
  },
};
/**
 * signal-exit (proper-lockfile's, to drop its locks when the process exits) loads node:assert for
 * one check of its argument, `assert.equal(typeof cb, 'function', message)`, as it loads: about 3 ms
 * of every Node start that loads the state lock, which is every hook run in a lane. It gets the same
 * check (loose equality, an error with that message) without the module.
 */
const noAssertInSignalExit = {
  name: 'no-assert-in-signal-exit',
  setup(b) {
    b.onResolve({ filter: /^assert$/ }, (args) =>
      /[\\/]signal-exit[\\/]/.test(args.importer) ? { path: 'assert', namespace: 'lanes-assert' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lanes-assert' }, () => ({
      contents: 'exports.equal = function equal(actual, expected, message) { if (actual != expected) throw new Error(message); };',
      loader: 'js',
    }));
  },
};
const abs = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, path.join(root, v)]));
await build({
  ...common,
  entryPoints: abs(entries),
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [noGracefulFs, noAssertInSignalExit],
});

/** A light hook's `./heavy/<name>.js` stays a dynamic import of the heavy entry; any other lazy import fails the build. */
const heavyExternal = {
  name: 'heavy-external',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const m = /^\.\/heavy\/([a-z-]+)\.js$/.exec(args.path);
      const from = path.relative(root, args.importer);
      if (m && path.dirname(from) === 'src/hooks' && entries[`hooks/heavy/${m[1]}`]) return { path: `./heavy/${m[1]}.mjs`, external: true };
      return { errors: [{ text: `a light hook may import lazily only its ./heavy/ parts, not ${args.path} (from ${from})` }] };
    });
  },
};
await build({ ...common, entryPoints: abs(lightHooks), splitting: false, plugins: [heavyExternal, noGracefulFs, noAssertInSignalExit] });
for (const f of fs.readdirSync(dist, { recursive: true })) if (String(f).endsWith('.mjs')) builtinsByRequire(path.join(dist, String(f)));
fs.chmodSync(path.join(dist, 'lanes.mjs'), 0o755);

for (const c of COMPONENTS) fs.cpSync(path.join(root, c), path.join(outdir, c), { recursive: true });

// The manifest comes from package.json, so the plugin's version is the package's. No package.json
// goes into the plugin: there is nothing to install.
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const manifest = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  author: { name: 'Lanes' },
  license: pkg.license,
  keywords: pkg.keywords,
};
fs.mkdirSync(path.join(outdir, '.claude-plugin'), { recursive: true });
fs.writeFileSync(path.join(outdir, '.claude-plugin', 'plugin.json'), `${JSON.stringify(manifest, null, 2)}\n`);
fs.writeFileSync(
  path.join(outdir, 'README.md'),
  `# Lanes plugin (generated)\n\nThis folder is what \`claude plugin install lanes@lanes\` installs: the bundled CLI and MCP server\n(\`dist/lanes.mjs\`), the hook bundles, the skills, the agent and the manifest. It has no dependencies.\nDo not edit it: \`npm run build\` regenerates it from the repository (see the repository's README).\n`,
);
