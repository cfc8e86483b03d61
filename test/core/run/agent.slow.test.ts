/**
 * The scripted agent started by a real `lanes run`: its Node starts without NODE_EXTRA_CA_CERTS
 * (it opens no TLS connection), and the git processes it starts get the user's value back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan, scriptedAgent } from '../../../src/core/run/index.js';
import { MOVED_CA_VAR } from '../../../src/system/launch-env.js';
import { tempDir } from '../../helpers/repo.js';
import { cleanupAfter, cliBundle, moduleTask, sampleRepo, withPlan } from './helpers.js';

describe.skipIf(process.platform !== 'linux')('the scripted agent in a run, with NODE_EXTRA_CA_CERTS set', () => {
  it("starts the agent's Node without it, and the agent's git with it as the user set it", async () => {
    const repo = sampleRepo();
    cleanupAfter(repo);
    const lanes = await withPlan(repo, [moduleTask('alpha')]);
    // A git on PATH that writes down who started it (its parent's command line and
    // NODE_EXTRA_CA_CERTS) and what it got itself, then runs the real git.
    const shim = tempDir();
    const log = path.join(shim, 'seen.log');
    const real = (process.env.PATH ?? '')
      .split(path.delimiter)
      .map((d) => path.join(d, 'git'))
      .find((p) => fs.existsSync(p))!;
    fs.writeFileSync(
      path.join(shim, 'git'),
      `#!/bin/sh\nprintf 'parent=%s|parent_ca=%s|child=%s|moved=%s\\n' "$(tr '\\0' ' ' < /proc/$PPID/cmdline)" "$(tr '\\0' '\\n' < /proc/$PPID/environ | grep '^NODE_EXTRA_CA_CERTS=')" "$NODE_EXTRA_CA_CERTS" "$${MOVED_CA_VAR}" >> '${log}'\nexec '${real}' "$@"\n`,
      { mode: 0o755 },
    );
    const certs = path.join(shim, 'extra-ca.pem');
    fs.writeFileSync(certs, '');
    const saved = { PATH: process.env.PATH, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS };
    process.env.PATH = `${shim}${path.delimiter}${process.env.PATH}`;
    process.env.NODE_EXTRA_CA_CERTS = certs;
    try {
      const agent = scriptedAgent(await cliBundle(), { unitMs: 50 });
      const report = await runPlan(lanes, { agent, parallelism: 1, pollMs: 100 });
      expect(report.counts.landed).toBe(1);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    const fromAgent = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .filter((l) => / agent scripted /.test(`${l.split('|')[0]} `));
    // The agent ran git itself (its session protocol), every time from a Node started without
    // the variable, and each of those git processes got the user's value back.
    expect(fromAgent.length).toBeGreaterThan(0);
    for (const l of fromAgent) expect(l.split('|').slice(1)).toEqual(['parent_ca=NODE_EXTRA_CA_CERTS=', `child=${certs}`, 'moved=']);
  });
});
