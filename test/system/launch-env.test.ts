/** restoreLaunchEnv: what hooks/launch.sh moved aside goes back for the processes a hook or the server starts. */
import { describe, expect, it } from 'vitest';
import { caMovedAside, MOVED_CA_VAR, restoreLaunchEnv } from '../../src/system/launch-env.js';

describe('restoreLaunchEnv', () => {
  it('puts the variable back for children, and leaves one the user set meanwhile alone', () => {
    const env: NodeJS.ProcessEnv = { [MOVED_CA_VAR]: '/etc/certs.pem' };
    restoreLaunchEnv(env);
    expect(env).toEqual({ NODE_EXTRA_CA_CERTS: '/etc/certs.pem' });
    const mine: NodeJS.ProcessEnv = { [MOVED_CA_VAR]: '/a.pem', NODE_EXTRA_CA_CERTS: '/b.pem' };
    restoreLaunchEnv(mine);
    expect(mine).toEqual({ NODE_EXTRA_CA_CERTS: '/b.pem' });
    const emptied: NodeJS.ProcessEnv = { [MOVED_CA_VAR]: '/a.pem', NODE_EXTRA_CA_CERTS: '' };
    restoreLaunchEnv(emptied);
    expect(emptied).toEqual({ NODE_EXTRA_CA_CERTS: '/a.pem' });
    const none: NodeJS.ProcessEnv = { PATH: '/bin' };
    restoreLaunchEnv(none);
    expect(none).toEqual({ PATH: '/bin' });
  });
});

describe('caMovedAside', () => {
  it('empties the variable and moves its value aside, for restoreLaunchEnv to put back; nothing when unset', () => {
    const over = caMovedAside({ NODE_EXTRA_CA_CERTS: '/a.pem', PATH: '/bin' });
    expect(over).toEqual({ NODE_EXTRA_CA_CERTS: '', [MOVED_CA_VAR]: '/a.pem' });
    const child: NodeJS.ProcessEnv = { PATH: '/bin', ...over };
    restoreLaunchEnv(child);
    expect(child).toEqual({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/a.pem' });
    expect(caMovedAside({ PATH: '/bin' })).toEqual({});
    expect(caMovedAside({ NODE_EXTRA_CA_CERTS: '' })).toEqual({});
  });
});
