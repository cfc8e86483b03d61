import { afterEach, describe, expect, it } from 'vitest';
import { scriptedAgent } from '../../../src/core/run/agent.js';
import { MOVED_CA_VAR, restoreLaunchEnv } from '../../../src/system/launch-env.js';

describe('scriptedAgent', () => {
  const saved = process.env.NODE_EXTRA_CA_CERTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = saved;
  });

  it('starts its Node without the extra CA file and hands the file on to what the entry starts', () => {
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/extra.pem';
    const spec = scriptedAgent('/x/lanes.mjs', { unitMs: 20 });
    expect(spec.argv).toEqual([process.execPath, '/x/lanes.mjs', 'agent', 'scripted']);
    expect(spec.env).toEqual({
      LANES_SCRIPTED_UNIT_MS: '20',
      NODE_EXTRA_CA_CERTS: '',
      [MOVED_CA_VAR]: '/etc/ssl/extra.pem',
    });
    // What the entry does first: the variable is back for its own children.
    const child: NodeJS.ProcessEnv = { ...spec.env };
    restoreLaunchEnv(child);
    expect(child.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/extra.pem');
    expect(child[MOVED_CA_VAR]).toBeUndefined();
  });

  it('adds nothing when the variable is not set', () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    expect(scriptedAgent('/x/lanes.mjs').env).toBeUndefined();
    expect(scriptedAgent('/x/lanes.mjs', { unitMs: 5 }).env).toEqual({ LANES_SCRIPTED_UNIT_MS: '5' });
  });
});
