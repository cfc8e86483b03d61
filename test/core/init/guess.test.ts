import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessProject } from '../../../src/core/init/guess.js';
import { tempDir } from '../../helpers/repo.js';

function project(files: Record<string, string>): string {
  const dir = tempDir('lanes-init-');
  for (const [f, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), body);
  }
  return dir;
}
const cmds = (xs: Array<{ command: string[] }>) => xs.map((x) => x.command.join(' '));

describe('guessProject', () => {
  it('npm: npm ci with a lockfile, and the lint / typecheck / test scripts as gates', () => {
    const g = guessProject(
      project({
        'package.json': JSON.stringify({ scripts: { test: 'vitest run', lint: 'eslint .', build: 'tsc', typecheck: 'tsc --noEmit' } }),
        'package-lock.json': '{}',
      }),
    );
    expect(g.detected).toEqual(['npm']);
    expect(cmds(g.setup)).toEqual(['npm ci']);
    expect(cmds(g.gates)).toEqual(['npm run lint', 'npm run typecheck', 'npm run test']);
    // The gate checkout re-runs the install only when the manifest or the lockfile changed.
    expect(g.setup[0]!.when_changed).toEqual(['package.json', 'package-lock.json']);
  });
  it("npm: no lockfile is npm install; npm's placeholder test script is not a gate", () => {
    const g = guessProject(project({ 'package.json': JSON.stringify({ scripts: { test: 'echo "Error: no test specified" && exit 1' } }) }));
    expect(cmds(g.setup)).toEqual(['npm install']);
    expect(g.setup[0]!.when_changed).toEqual(['package.json']);
    expect(g.gates).toEqual([]);
  });
  it('pnpm and yarn from their lockfiles', () => {
    const pkg = JSON.stringify({ scripts: { test: 'jest' } });
    const p = guessProject(project({ 'package.json': pkg, 'pnpm-lock.yaml': '' }));
    expect(cmds(p.setup)).toEqual(['pnpm install --frozen-lockfile']);
    expect(cmds(p.gates)).toEqual(['pnpm run test']);
    const y = guessProject(project({ 'package.json': pkg, 'yarn.lock': '' }));
    expect(cmds(y.setup)).toEqual(['yarn install --frozen-lockfile']);
    expect(cmds(y.gates)).toEqual(['yarn run test']);
    const berry = guessProject(project({ 'package.json': pkg, 'yarn.lock': '', '.yarnrc.yml': '' }));
    expect(cmds(berry.setup)).toEqual(['yarn install --immutable']);
  });
  it('cargo', () => {
    const g = guessProject(project({ 'Cargo.toml': '[package]\nname = "x"\n' }));
    expect(g.detected).toEqual(['cargo']);
    expect(cmds(g.setup)).toEqual(['cargo fetch']);
    expect(g.setup[0]!.when_changed).toEqual(['Cargo.toml']);
    expect(cmds(g.gates)).toEqual(['cargo test']);
  });
  it('go', () => {
    const g = guessProject(project({ 'go.mod': 'module x\n' }));
    expect(cmds(g.setup)).toEqual(['go mod download']);
    expect(cmds(g.gates)).toEqual(['go vet ./...', 'go test ./...']);
  });
  it('uv with pytest, and plain pytest', () => {
    const uv = guessProject(project({ 'uv.lock': '', 'pyproject.toml': '[tool.pytest.ini_options]\n' }));
    expect(uv.detected).toEqual(['uv']);
    expect(cmds(uv.setup)).toEqual(['uv sync --frozen']);
    expect(cmds(uv.gates)).toEqual(['uv run pytest']);
    // Without uv: a virtualenv of the checkout's own, so the gate tests the candidate's code.
    const py = guessProject(project({ 'pytest.ini': '[pytest]\n' }));
    expect(cmds(py.setup)).toEqual(['python3 -m venv .venv', '.venv/bin/python -m pip install --quiet pytest']);
    expect(cmds(py.gates)).toEqual(['.venv/bin/python -m pytest']);
  });
  it("a Python package: installed into the checkout's .venv, tested with its own unittest command", () => {
    // The command its tox configuration runs (colorama's form).
    const tox = guessProject(
      project({
        'pyproject.toml': '[build-system]\nrequires = ["hatchling"]\n',
        'tox.ini': '[tox]\nenvlist = py311\n\n[testenv]\ncommands = python -m unittest discover -p *_test.py\n',
        'requirements.txt': '',
        'requirements-dev.txt': 'twine\n',
      }),
    );
    expect(tox.detected).toEqual(['unittest']);
    expect(cmds(tox.setup)).toEqual(['python3 -m venv .venv', '.venv/bin/python -m pip install --quiet -e . -r requirements.txt']);
    expect(tox.setup[1]!.when_changed).toEqual(['pyproject.toml', 'requirements.txt']);
    expect(cmds(tox.gates)).toEqual(['.venv/bin/python -m unittest discover -p *_test.py']);
    // tox configured in pyproject.toml (tomli's form), and plain discovery when there is a tests folder.
    const inPyproject = guessProject(
      project({
        'pyproject.toml': '[tool.tox.env_run_base]\ncommands = [\n    ["python", "-m", "unittest", { replace = "posargs" }],\n]\n',
      }),
    );
    expect(cmds(inPyproject.gates)).toEqual(['.venv/bin/python -m unittest']);
    expect(cmds(guessProject(project({ 'setup.py': '', 'tests/test_x.py': '' })).gates)).toEqual(['.venv/bin/python -m unittest']);
    // A Python manifest with no tests anywhere: recognised, nothing proposed.
    const bare = guessProject(project({ 'setup.cfg': '[metadata]\n' }));
    expect(bare).toMatchObject({ detected: ['python'], setup: [], gates: [] });
  });
  it('make: its check or test target when nothing else gives a gate', () => {
    expect(cmds(guessProject(project({ Makefile: 'build:\n\tcc x.c\ntest: build\n\t./t\n' })).gates)).toEqual(['make test']);
    expect(cmds(guessProject(project({ Makefile: 'X := 1\ncheck:\n\ttrue\n' })).gates)).toEqual(['make check']);
    expect(cmds(guessProject(project({ Makefile: 'test:\n\tgo test\n', 'go.mod': 'module x\n' })).gates)).toEqual([
      'go vet ./...',
      'go test ./...',
    ]);
  });
  it('an empty directory guesses nothing; env files (not templates) are listed', () => {
    const g = guessProject(project({ '.env': 'A=1', '.env.local': 'B=2', '.env.example': 'A=', 'README.md': '' }));
    expect(g).toEqual({ gates: [], setup: [], detected: [], envFiles: ['.env', '.env.local'] });
  });
});
