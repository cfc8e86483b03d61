/**
 * What `lanes init` proposes for a Python project. With uv.lock, uv keeps the environment. Without
 * it, each checkout (every lane, and the merge queue's gate checkout) gets its own virtualenv in
 * `.venv` with the project installed into it: a gate run with whatever `python` is on PATH would
 * test the code that environment has installed, which for an editable install in the developer's
 * own venv is the main checkout's, not the candidate's. The test command is the project's own:
 * pytest when it is configured, otherwise the `python -m unittest ...` its tox configuration runs,
 * otherwise unittest discovery when there are tests.
 */
import type { GuessedCommand } from './model.js';

export interface PythonGuess {
  detected: string;
  setup: GuessedCommand[];
  gates: GuessedCommand[];
}

const VENV_PYTHON = '.venv/bin/python';
const MANIFESTS = ['pyproject.toml', 'setup.py', 'setup.cfg'];
/** Requirements files that hold what the tests need (not release tooling such as twine). */
const TEST_REQUIREMENTS = ['requirements.txt', 'requirements-test.txt', 'test-requirements.txt', 'requirements/test.txt'];
const TEST_DIRS = ['tests', 'test', 'testing'];

export function guessPython(has: (f: string) => boolean, read: (f: string) => string, entries: () => string[]): PythonGuess | undefined {
  const pyproject = read('pyproject.toml');
  const tox = read('tox.ini');
  const pytest =
    has('pytest.ini') ||
    has('conftest.py') ||
    /\[tool\.pytest/.test(pyproject) ||
    /\[tool:pytest\]/.test(read('setup.cfg')) ||
    /\[pytest\]/.test(tox) ||
    /\bpytest\b/.test(pyproject);
  if (has('uv.lock')) {
    return {
      detected: 'uv',
      setup: [{ name: 'uv-sync', command: ['uv', 'sync', '--frozen'], when_changed: ['pyproject.toml', 'uv.lock'] }],
      gates: pytest ? [{ name: 'pytest', command: ['uv', 'run', 'pytest'] }] : [],
    };
  }
  const manifests = MANIFESTS.filter(has);
  if (!manifests.length && !pytest) return undefined;
  const requirements = TEST_REQUIREMENTS.filter(has);
  const install = [
    VENV_PYTHON,
    '-m',
    'pip',
    'install',
    '--quiet',
    ...(manifests.length ? ['-e', '.'] : []),
    ...requirements.flatMap((r) => ['-r', r]),
    ...(pytest ? ['pytest'] : []),
  ];
  const setup: GuessedCommand[] = [
    { name: 'venv', command: ['python3', '-m', 'venv', '.venv'] },
    { name: 'deps', command: install, when_changed: [...manifests, ...requirements] },
  ];
  if (pytest) return { detected: 'pytest', setup, gates: [{ name: 'pytest', command: [VENV_PYTHON, '-m', 'pytest'] }] };
  const args = unittestArgs(tox, pyproject);
  const tests = args !== undefined || TEST_DIRS.some(has) || entries().some((e) => /^test_.*\.py$|_test\.py$/.test(e));
  if (!tests) return { detected: 'python', setup: [], gates: [] };
  return { detected: 'unittest', setup, gates: [{ name: 'unittest', command: [VENV_PYTHON, '-m', 'unittest', ...(args ?? [])] }] };
}

/** The arguments of the `python -m unittest` the project's tox configuration runs, if it runs one. */
function unittestArgs(tox: string, pyproject: string): string[] | undefined {
  const line = /^\s*commands\s*=\s*python3?\s+-m\s+unittest\b([^\n{]*)$/m.exec(tox);
  if (line) return line[1]!.trim().split(/\s+/).filter(Boolean);
  if (/\[\s*"python3?"\s*,\s*"-m"\s*,\s*"unittest"/.test(pyproject)) return [];
  return undefined;
}
