/**
 * Throwaway git repositories for tests: branch main, fixed identity (from test/setup.ts), no gpg,
 * gc.auto 0. Real git, never mocked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(rel: string, content: string): void;
  commitAll(message: string): string;
  cleanup(): void;
}

export function tempDir(prefix = 'lanes-test-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function makeRepo(opts: { files?: Record<string, string>; commit?: boolean } = {}): TestRepo {
  const dir = tempDir('lanes-repo-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0');
  const write = (rel: string, content: string) => {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  };
  const commitAll = (message: string) => {
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const files = opts.files ?? { 'README.md': '# test repo\n' };
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  if (opts.commit !== false) commitAll('initial');
  return { dir, git, write, commitAll, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
