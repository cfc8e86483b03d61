/** `lanes dashboard` as a real process: prints its URL, serves, stops cleanly on Ctrl-C. */
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePath, lanes } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';
import { get } from './http.js';

describe('lanes dashboard (CLI)', () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo();
  });
  afterAll(() => repo?.cleanup());

  it('prints the URL, serves the page and the status, and exits 0 on Ctrl-C', async () => {
    const child = execa('node', [bundlePath(), 'dashboard', '--port', '0'], { cwd: repo.dir, reject: false });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
          if (m) {
            clearTimeout(t);
            resolve(m[1]!);
          }
        });
      });
      expect((await get(url)).body).toContain('<svg id="graph"');
      const s = JSON.parse((await get(`${url}api/status`)).body);
      expect(s.plan).toBeNull();
      expect(s.repo).toBe(repo.dir);
    } finally {
      child.kill('SIGINT');
    }
    const res = await child;
    expect(res.exitCode).toBe(0);
  });

  it('refuses a bad --port with exit code 2', async () => {
    const r = await lanes(repo.dir, ['dashboard', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });
});
