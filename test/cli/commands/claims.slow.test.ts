/**
 * The claim commands' own code, in process (the built bundle registers them once the lead wires
 * them into src/cli/main.ts; the end-to-end CLI tests live with the others in test/cli/).
 */
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerClaims, renderClaims } from '../../../src/cli/commands/claims.js';
import { makeRepo, type TestRepo } from '../../helpers/repo.js';

let repo: TestRepo;
let cwd: string;

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  const program = new Command().exitOverride();
  registerClaims(program);
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = 0;
  try {
    await program.parseAsync(['node', 'lanes', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

beforeEach(() => {
  repo = makeRepo();
  cwd = process.cwd();
  process.chdir(repo.dir);
});
afterEach(() => {
  process.chdir(cwd);
  repo.cleanup();
});

describe('lanes claim / release / claims / port', () => {
  it('claims, refuses with exit 3 naming the holder, lists, releases', async () => {
    const a = await run('claim', 'task:api', 'src/api/**', 'README.md', '--task', 'api', '--reason', 'auth', '--ttl', '600', '--json');
    expect(a.code).toBe(0);
    const claims = JSON.parse(a.out).claims;
    expect(claims.map((c: any) => [c.pattern, c.ttl_seconds, c.pid])).toEqual([
      ['src/api/**', 600, undefined],
      ['README.md', 600, undefined],
    ]);
    const b = await run('claim', 'task:ui', 'src/api/x.ts');
    expect(b.code).toBe(3);
    expect(b.err).toMatch(/src\/api\/x\.ts overlaps src\/api\/\*\*, held by task api until/);
    expect((await run('claim', 'task:ui', '../x')).code).toBe(2);
    expect((await run('claim', 'task:ui', 'x', '--ttl', '1.5')).code).toBe(2);
    const s = await run('claim', 'task:ui', 'docs', '--shared');
    expect(s.out).toMatch(/docs\s+shared\s+task:ui/);
    const l = await run('claims');
    expect(l.out.trim().split('\n')).toHaveLength(3);
    expect(l.out).toMatch(/src\/api\/\*\*\s+exclusive\s+task api\s+until \d\d:\d\d \(in 10 min\)\s+auth/);
    expect(JSON.parse((await run('claims', '--path', 'docs/x.md', '--json')).out).claims.map((c: any) => c.owner)).toEqual(['task:ui']);
    expect((await run('release', 'task:api', 'README.md')).out).toBe('Released README.md\n');
    expect((await run('release', 'task:api')).out).toBe('Released src/api/**\n');
    expect((await run('release', 'task:api', 'nope')).out).toBe('Nothing was released; not held by task:api: nope\n');
  });

  it('port prints a bare, stable port and --release frees it', async () => {
    const a = await run('port', 'task:web');
    expect(a.out).toMatch(/^\d{5}\n$/);
    expect((await run('port', 'task:web')).out).toBe(a.out);
    expect(JSON.parse((await run('port', 'task:web', '--json')).out)).toMatchObject({ port: Number(a.out), reused: true });
    expect((await run('port', 'task:web', '--release')).out).toBe(`Released port ${a.out}`);
    expect((await run('port', 'task:web', '--release')).out).toBe('task:web held no port\n');
  });

  it('renders an empty list plainly', () => {
    expect(renderClaims([])).toBe('No files are claimed.');
  });
});
