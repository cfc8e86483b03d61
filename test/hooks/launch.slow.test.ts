/**
 * hooks/launch.sh, the way hooks.json starts every hook: the hook's own Node starts without
 * NODE_EXTRA_CA_CERTS (building the TLS root store it never uses costs each start ~100 ms of CPU),
 * and the processes the hook starts get the variable back as the user set it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVED_CA_VAR } from '../../src/system/launch-env.js';
import { tempDir } from '../helpers/repo.js';
import { hookPath, laneRepo, launcherPath, runHook, type HookName, type LaneRepo } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('hooks.json and hooks/launch.sh', () => {
  it('start every hook through the launcher, each naming a hook the bundle has', () => {
    const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, 'hooks/hooks.json'), 'utf8')) as {
      hooks: Record<string, Array<{ hooks: Array<{ command: string; args: string[] }> }>>;
    };
    const commands = Object.values(cfg.hooks).flatMap((groups) => groups.flatMap((g) => g.hooks));
    expect(commands.length).toBeGreaterThanOrEqual(7);
    for (const c of commands) {
      expect(c.command).toBe('sh');
      expect(c.args[0]).toBe('${CLAUDE_PLUGIN_ROOT}/hooks/launch.sh');
      expect(c.args[1]).toMatch(/^hooks\//);
      expect(fs.existsSync(hookPath(c.args[1]!.slice('hooks/'.length) as HookName)), c.args[1]).toBe(true);
    }
  });

  describe.skipIf(process.platform !== 'linux')('a Stop hook in a lane, with NODE_EXTRA_CA_CERTS set', () => {
    let r: LaneRepo;
    let shim: string;
    let log: string;
    beforeAll(async () => {
      r = await laneRepo();
      // A git on PATH that writes down what its parent (the hook's Node) was started with, and
      // what it got itself, then runs the real git.
      shim = tempDir();
      log = path.join(shim, 'seen.log');
      const real = (process.env.PATH ?? '')
        .split(path.delimiter)
        .map((d) => path.join(d, 'git'))
        .find((p) => fs.existsSync(p))!;
      fs.writeFileSync(
        path.join(shim, 'git'),
        `#!/bin/sh\n{ printf 'parent=%s\\n' "$(tr '\\0' '\\n' < /proc/$PPID/environ | grep -c '^NODE_EXTRA_CA_CERTS=')"; printf 'child=%s moved=%s\\n' "$NODE_EXTRA_CA_CERTS" "$${MOVED_CA_VAR}"; } >> '${log}'\nexec '${real}' "$@"\n`,
        { mode: 0o755 },
      );
    });
    afterAll(() => r.cleanup());

    it("starts the hook's Node without it, and its git with it as it was", async () => {
      const certs = path.join(shim, 'extra-ca.pem');
      fs.writeFileSync(certs, '');
      fs.writeFileSync(path.join(r.lane.a!, 'src/a/wip.ts'), 'export {};\n');
      const h = await runHook(
        'stop' satisfies HookName,
        { session_id: 's-ca', transcript_path: '/nonexistent', cwd: r.lane.a!, hook_event_name: 'Stop', stop_hook_active: false },
        { env: { PATH: `${shim}${path.delimiter}${process.env.PATH}`, NODE_EXTRA_CA_CERTS: certs } },
      );
      // The hook did its work (it found the uncommitted file with its git).
      expect(h.code).toBe(0);
      expect(h.json?.decision).toBe('block');
      const seen = fs.readFileSync(log, 'utf8');
      expect(seen).toContain('parent=0\n');
      expect(seen).toContain(`child=${certs} moved=\n`);
      expect(seen).not.toMatch(/parent=[1-9]/);
    });
  });

  it('runs the hook it names next to the bundle, wherever the plugin is installed', async () => {
    expect(fs.existsSync(launcherPath())).toBe(true);
    const h = await runHook('pre-tool-use', { tool_name: 'Read', hook_event_name: 'PreToolUse', cwd: tempDir() });
    expect(h).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});
