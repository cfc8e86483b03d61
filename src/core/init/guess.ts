/**
 * What `lanes init` proposes for a project: gates and setup commands guessed from the files at
 * its root (lockfiles, package.json scripts, Cargo.toml, go.mod, Python projects (python.ts),
 * a Makefile), and the `.env` files a new lane needs copied. Reads only; writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InitGuess } from './model.js';
import { guessPython } from './python.js';

/** The scripts of package.json that make good gates, in the order they run. */
const NODE_GATE_SCRIPTS = ['lint', 'typecheck', 'test'];
/** npm's placeholder `test` script fails on purpose: not a gate. */
const NPM_PLACEHOLDER = /no test specified/;
const ENV_FILE = /^\.env(\..+)?$/;
const ENV_TEMPLATE = /\.(example|sample|template|dist)$/;

export function guessProject(dir: string): InitGuess {
  const has = (f: string) => fs.existsSync(path.join(dir, f));
  const read = (f: string) => {
    try {
      return fs.readFileSync(path.join(dir, f), 'utf8');
    } catch {
      return '';
    }
  };
  const out: InitGuess = { gates: [], setup: [], detected: [], envFiles: [] };

  if (has('package.json')) {
    let scripts: Record<string, unknown> = {};
    try {
      const pkg: unknown = JSON.parse(read('package.json'));
      const s = (pkg as { scripts?: unknown } | null)?.scripts;
      if (s && typeof s === 'object') scripts = s as Record<string, unknown>;
    } catch {
      // an unparseable package.json: still a Node project, with no scripts we can trust
    }
    const pm = has('pnpm-lock.yaml') ? 'pnpm' : has('yarn.lock') ? 'yarn' : 'npm';
    out.detected.push(pm);
    // Installs depend on the manifest and the lockfile: the merge queue's gate checkout re-runs the
    // install only when one of them changed (a project without a lockfile still has package.json).
    const deps = (lock?: string) => ['package.json', ...(lock && has(lock) ? [lock] : [])];
    if (pm === 'pnpm')
      out.setup.push({ name: 'deps', command: ['pnpm', 'install', '--frozen-lockfile'], when_changed: deps('pnpm-lock.yaml') });
    else if (pm === 'yarn')
      out.setup.push({
        name: 'deps',
        command: has('.yarnrc.yml') ? ['yarn', 'install', '--immutable'] : ['yarn', 'install', '--frozen-lockfile'],
        when_changed: deps('yarn.lock'),
      });
    else {
      const lock = ['package-lock.json', 'npm-shrinkwrap.json'].find(has);
      out.setup.push({ name: 'deps', command: lock ? ['npm', 'ci'] : ['npm', 'install'], when_changed: deps(lock) });
    }
    for (const name of NODE_GATE_SCRIPTS) {
      const body = Object.hasOwn(scripts, name) ? scripts[name] : undefined;
      if (typeof body !== 'string' || body.trim() === '' || (name === 'test' && NPM_PLACEHOLDER.test(body))) continue;
      out.gates.push({ name, command: [pm, 'run', name] });
    }
  }

  if (has('Cargo.toml')) {
    out.detected.push('cargo');
    out.setup.push({
      name: 'cargo-fetch',
      command: ['cargo', 'fetch'],
      when_changed: ['Cargo.toml', ...(has('Cargo.lock') ? ['Cargo.lock'] : [])],
    });
    out.gates.push({ name: 'cargo-test', command: ['cargo', 'test'] });
  }

  if (has('go.mod')) {
    out.detected.push('go');
    out.setup.push({ name: 'go-mod', command: ['go', 'mod', 'download'], when_changed: ['go.mod', ...(has('go.sum') ? ['go.sum'] : [])] });
    out.gates.push({ name: 'go-vet', command: ['go', 'vet', './...'] }, { name: 'go-test', command: ['go', 'test', './...'] });
  }

  const py = guessPython(has, read, () => {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  });
  if (py) {
    out.detected.push(py.detected);
    out.setup.push(...py.setup);
    out.gates.push(...py.gates);
  }

  // A Makefile's test/check target is the project's own entry point; used when nothing else gave a gate.
  const makefile = ['GNUmakefile', 'Makefile', 'makefile'].find(has);
  if (makefile) {
    const targets = new Set([...read(makefile).matchAll(/^([A-Za-z0-9_.-]+)\s*:(?!=)/gm)].map((m) => m[1]));
    const target = ['check', 'test'].find((t) => targets.has(t));
    if (target) {
      out.detected.push('make');
      if (out.gates.length === 0) out.gates.push({ name: `make-${target}`, command: ['make', target] });
    }
  }

  try {
    out.envFiles = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && ENV_FILE.test(e.name) && !ENV_TEMPLATE.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    out.envFiles = [];
  }
  return out;
}
