import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startLane } from '../../../src/core/lanes/start.js';
import { tempDir } from '../../helpers/repo.js';
import { lanesRepo } from './helpers.js';

describe('.worktreeinclude', () => {
  it('copies files that are matched AND ignored; never tracked or merely untracked files; never follows a symlink out', async () => {
    const outside = tempDir('lanes-outside-');
    fs.writeFileSync(path.join(outside, 'secret'), 'outside the repo');
    const r = await lanesRepo({
      files: {
        '.gitignore': '.env\n*.local.json\nlinks/\nbig/\n',
        '.worktreeinclude': '# copy these into new lanes\n.env\n*.local.json\nREADME.md\nnotes.txt\nlinks/\n',
        'README.md': 'committed\n',
      },
    });
    try {
      r.write('.env', 'TOKEN=abc\n');
      fs.chmodSync(path.join(r.dir, '.env'), 0o600);
      r.write('config/app.local.json', '{"x":1}\n');
      r.write('notes.txt', 'untracked, not ignored\n');
      r.write('README.md', 'edited in main, uncommitted\n');
      r.write('big/ignored-but-not-included.bin', 'x');
      fs.mkdirSync(path.join(r.dir, 'links'));
      fs.symlinkSync(path.join(outside, 'secret'), path.join(r.dir, 'links', 'escape'));
      fs.symlinkSync('../.env', path.join(r.dir, 'links', 'inside'));
      const lanes = await r.open();
      const out = await startLane(lanes, { task_id: 't1', owner: 'o' });
      expect(out.included).toEqual(['.env', 'config/app.local.json', 'links/inside']);
      expect(out.include_skipped).toEqual([{ path: 'links/escape', reason: expect.stringMatching(/outside the repository/) }]);
      expect(fs.readFileSync(path.join(out.path, '.env'), 'utf8')).toBe('TOKEN=abc\n');
      expect(fs.statSync(path.join(out.path, '.env')).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(path.join(out.path, 'config/app.local.json'), 'utf8')).toBe('{"x":1}\n');
      expect(fs.readlinkSync(path.join(out.path, 'links/inside'))).toBe('../.env');
      expect(fs.existsSync(path.join(out.path, 'links/escape'))).toBe(false);
      expect(fs.readFileSync(path.join(out.path, 'README.md'), 'utf8')).toBe('committed\n');
      expect(fs.existsSync(path.join(out.path, 'notes.txt'))).toBe(false);
      expect(fs.existsSync(path.join(out.path, 'big'))).toBe(false);
      // Copied files are ignored in the lane, so the lane is clean.
      expect(r.git('-C', out.path, 'status', '--porcelain')).toBe('');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('does nothing without an include file, and ignores a symlinked include file', async () => {
    const r = await lanesRepo({ files: { '.gitignore': '.env\n' } });
    r.write('.env', 'x');
    const lanes = await r.open();
    expect((await startLane(lanes, { task_id: 't1', owner: 'o' })).included).toEqual([]);
    fs.writeFileSync(path.join(r.dir, 'patterns'), '.env\n');
    fs.symlinkSync('patterns', path.join(r.dir, '.worktreeinclude'));
    const out = await startLane(lanes, { task_id: 't2', owner: 'o' });
    expect(out.included).toEqual([]);
    expect(out.include_skipped[0]?.reason).toMatch(/not a regular file/);
  });
});
