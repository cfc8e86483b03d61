import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateTask } from '../../../src/core/plan/tasks.js';
import { StatusOut } from '../../../src/mcp/tools/status.js';
import { bundlePath, lanes } from '../../helpers/cli.js';
import { LONG_PATH, needsFixRepo, workingRepo, type Fixture, type NeedsFixFixture } from '../../dashboard/fixture.js';

/** Runs `lanes <args>` under a pseudo-terminal (python's pty), Ctrl-C after `seconds`. */
const PTY = `
import base64, fcntl, json, os, pty, select, signal, struct, sys, termios, time
bundle, cwd, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.execvp('node', ['node', bundle] + sys.argv[4:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 110, 0, 0))
out = b''
def pump(t, until=None):
    global out
    end = time.time() + t
    while time.time() < end:
        if until is not None and until in out:
            return
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            out += chunk
pump(20, b'Recent events')
pump(seconds)
os.kill(pid, signal.SIGINT)
pump(10)
_, st = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(st), 'out': base64.b64encode(out).decode()}))
`;

describe('lanes status (CLI)', () => {
  let r: Fixture;
  beforeAll(async () => {
    r = await workingRepo();
  });
  afterAll(() => r?.cleanup());

  it("--json prints the status report (the MCP tool's strict shape)", async () => {
    const res = await lanes(r.dir, ['status', '--json', '--events', '4']);
    expect(res.code).toBe(0);
    const s = StatusOut.parse(JSON.parse(res.stdout));
    expect(s.plan!.tasks).toBe(6);
    expect(s.lanes.map((l) => l.task_id)).toEqual(['api', 'config']);
    expect(s.merge.queue[0]!.task).toBe('api');
    expect(s.recent_events).toHaveLength(4);
  });

  it('prints every section as text, without colour when not on a terminal', async () => {
    const res = await lanes(r.dir, ['status']);
    expect(res.code).toBe(0);
    for (const h of ['Plan: 6 tasks', 'wave 1', 'Lanes: 2', 'Claims: 3', 'Merge queue: 1 waiting', 'Resources:', 'Recent events:'])
      expect(res.stdout).toContain(h);
    expect(res.stdout).not.toContain('\x1b[');
  });

  it('--watch --json prints a line per change and exits 0 on Ctrl-C', async () => {
    const child = execa('node', [bundlePath(), 'status', '--watch', '--json', '--interval', '0.5'], { cwd: r.dir, reject: false });
    const lines: string[] = [];
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      lines.push(...parts.filter(Boolean));
    });
    const waitFor = async (pred: () => boolean, ms = 15_000) => {
      const end = Date.now() + ms;
      while (!pred()) {
        if (Date.now() > end) throw new Error(`timed out; got ${lines.length} lines`);
        await new Promise((res) => setTimeout(res, 50));
      }
    };
    try {
      await waitFor(() => lines.length >= 1);
      expect(JSON.parse(lines[0]!).plan.by_status.planned).toBe(2);
      // Unchanged state prints nothing new, even across several intervals.
      await new Promise((res) => setTimeout(res, 1200));
      expect(lines).toHaveLength(1);
      await updateTask(r.lanes.store, { id: 'docs', status: 'blocked', note: 'needs api' });
      await waitFor(() => lines.some((l) => JSON.parse(l).plan.by_status.blocked === 2));
    } finally {
      child.kill('SIGINT');
    }
    const res = await child;
    expect(res.exitCode).toBe(0);
    expect(res.stderr).toBe('');
    await updateTask(r.lanes.store, { id: 'docs', status: 'planned' });
  });

  it('--watch on a terminal redraws in place and restores the cursor on Ctrl-C', async () => {
    const py = await execa('python3', ['-c', PTY, bundlePath(), r.dir, '1.5', 'status', '--watch', '--interval', '0.5'], {
      reject: false,
      timeout: 50_000,
    });
    expect(py.exitCode, py.stderr).toBe(0);
    const { code, out } = JSON.parse(py.stdout) as { code: number; out: string };
    const text = Buffer.from(out, 'base64').toString('utf8');
    expect(code).toBe(0);
    expect(text.startsWith('\x1b[?25l\x1b[2J')).toBe(true); // cursor hidden, screen cleared once
    // At least two frames, each from the top-left corner, none wider than the window.
    expect(text.split('\x1b[H').length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain('\x1b[32m+schema\x1b[0m');
    expect(text.endsWith('\x1b[?25h')).toBe(true);
    const frame = text.split('\x1b[H').at(-1)!;
    // eslint-disable-next-line no-control-regex
    const visible = frame.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/);
    expect(visible.length).toBeLessThanOrEqual(40);
    for (const l of visible) expect(l.length).toBeLessThanOrEqual(110);
  });

  it('refuses a bad --interval or --events with exit code 2', async () => {
    const a = await lanes(r.dir, ['status', '--watch', '--interval', '0']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--interval/);
    const b = await lanes(r.dir, ['status', '--events', 'x']);
    expect(b.code).toBe(2);
  });
});

/** Runs `lanes <args>` to its end under a pseudo-terminal; returns its exit code and output. */
const PTY_ONCE = `
import base64, json, os, pty, sys
bundle, cwd = sys.argv[1], sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.chdir(cwd)
    os.execvp('node', ['node', bundle] + sys.argv[3:])
out = b''
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, st = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(st), 'out': base64.b64encode(out).decode()}))
`;

async function onTerminal(cwd: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const res = await execa('python3', ['-c', PTY_ONCE, bundlePath(), cwd, ...args], { reject: false, timeout: 60_000, env });
  const j = JSON.parse(res.stdout) as { code: number; out: string };
  return { code: j.code, out: Buffer.from(j.out, 'base64').toString('utf8') };
}

describe('lanes that need a fix (CLI)', () => {
  let r: NeedsFixFixture;
  beforeAll(async () => {
    r = await needsFixRepo();
  }, 120_000);
  afterAll(() => r?.cleanup());

  it('lanes status shows them first, in a state of their own with the reason under each', async () => {
    const res = await lanes(r.dir, ['status']);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    const at = lines.findIndex((l) => /^ {2}TASK +LANE +TASK STATE/.test(l));
    expect(lines[at - 1]).toBe('Lanes: 5, 3 need a fix');
    expect(
      lines.slice(at + 1, at + 7).map((l) =>
        l
          .trim()
          .replace(/\s{2,}/g, ' | ')
          .split(' | ')
          .slice(0, 3)
          .join(' | '),
      ),
    ).toEqual([
      'clash | ready | needs fix',
      `needs fix: conflicts with main in src/a.ts, ${LONG_PATH}`,
      'late | ready | needs fix',
      'needs fix: conflicts with main in src/b.ts',
      'red | ready | needs fix',
      'needs fix: gate test failed, 55 failing',
    ]);
    expect(lines[at + 7]).toMatch(/^ {2}fine +ready +in progress /);
    expect(res.stdout).not.toContain('\x1b[');
  });

  it('lanes list shows them first too, and both colour them on a terminal', async () => {
    const res = await lanes(r.dir, ['list']);
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[1]).toMatch(/^clash +needs fix +agent-clash /);
    expect(lines[2]).toBe(`  needs fix: conflicts with main in src/a.ts, ${LONG_PATH}`);
    expect(lines[3]).toMatch(/^late +needs fix /);
    expect(lines[5]).toMatch(/^red +needs fix /);
    expect(lines[6]).toBe('  needs fix: gate test failed, 55 failing');
    expect(lines[7]).toMatch(/^(fine|first) +ready /);
    const list = await onTerminal(r.dir, ['list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('\x1b[35m  needs fix: gate test failed, 55 failing\x1b[0m');
    const st = await onTerminal(r.dir, ['status']);
    expect(st.code).toBe(0);
    expect(st.out).toContain('\x1b[35m    needs fix: gate test failed, 55 failing\x1b[0m');
    // eslint-disable-next-line no-control-regex -- the escape sequence of the colour is what is checked
    expect(st.out).toMatch(/\x1b\[35m {2}red +ready +needs fix /);
  }, 60_000);

  it('--json carries needs_fix { kind, reason } on each such lane', async () => {
    const s = StatusOut.parse(JSON.parse((await lanes(r.dir, ['status', '--json'])).stdout));
    expect(s.lanes.filter((l) => l.needs_fix).map((l) => `${l.task_id} ${l.needs_fix!.kind}: ${l.needs_fix!.reason}`)).toEqual([
      `clash conflict: conflicts with main in src/a.ts, ${LONG_PATH}`,
      'late conflict: conflicts with main in src/b.ts',
      'red gate: gate test failed, 55 failing',
    ]);
    const l = JSON.parse((await lanes(r.dir, ['list', '--json'])).stdout) as {
      lanes: Array<{ task_id: string; needs_fix?: { kind: string } }>;
    };
    expect(l.lanes.map((x) => x.task_id).slice(0, 3)).toEqual(['clash', 'late', 'red']);
  });
});
