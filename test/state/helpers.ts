/** Shared bits of the state tests: the child entry and the "nothing left behind" checks. */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { spawnChild } from '../helpers/child.js';

export const CHILD = path.join(import.meta.dirname, 'children', 'state-child.ts');

export function runChild(mode: string, args: Record<string, unknown>, env: Record<string, string> = {}) {
  return spawnChild(CHILD, [mode, JSON.stringify(args)], { env, timeoutMs: 45_000 });
}

export function lastJson(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n').filter(Boolean);
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
}

/** docs/safety.md "Testing them": no leftover locks or temp files, every state file parses. */
export function expectClean(dir: string): void {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(d, e.name);
      return e.isDirectory() && !e.name.endsWith('.lock') ? walk(p) : [p];
    });
  const files = walk(dir);
  expect(files.filter((f) => f.endsWith('.lock') || f.endsWith('.tmp'))).toEqual([]);
  for (const f of files.filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(fs.readFileSync(f, 'utf8'))).not.toThrow();
  expect(fs.existsSync(path.join(dir, 'commit.json'))).toBe(false);
}

export function tempsIn(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}
