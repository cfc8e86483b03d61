/** The claim and port tools through the real server (createServer) and an in-process MCP client. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ToolDef } from '../../src/mcp/tool.js';
import { connect, type Connected } from '../helpers/mcp.js';
import { claimFilesTool } from '../../src/mcp/tools/claim-files.js';
import { leasePortTool } from '../../src/mcp/tools/lease-port.js';
import { listClaimsTool } from '../../src/mcp/tools/list-claims.js';
import { releaseFilesTool } from '../../src/mcp/tools/release-files.js';
import { makeRepo, type TestRepo } from '../helpers/repo.js';

const MINE = [claimFilesTool, releaseFilesTool, listClaimsTool, leasePortTool] as unknown as ToolDef[];

describe('claim and port tools (MCP, in process)', () => {
  let repo: TestRepo;
  let c: Connected;
  beforeEach(async () => {
    repo = makeRepo();
    c = await connect(repo.dir);
  });
  afterEach(async () => {
    await c.close();
    repo.cleanup();
  });

  it('lists the tools with annotations from their kind and short descriptions', async () => {
    const { tools } = await c.client.listTools();
    for (const def of MINE) {
      const t = tools.find((x) => x.name === def.name)!;
      expect(t, def.name).toBeTruthy();
      expect(t.description!.length).toBeLessThan(2048);
      expect(t.annotations?.readOnlyHint).toBe(def.kind === 'read');
      expect(t.outputSchema?.type).toBe('object');
    }
  });

  it('claim_files claims for the session; a conflicting claim is an isError naming the holder; release and list', async () => {
    const a = await c.call('claim_files', { owner: 'task:api-2', task_id: 'api-2', paths: ['src/a.ts', 'src/api/**'], reason: 'auth' });
    expect(a.isError).toBeFalsy();
    expect(a.data.claims.map((x: any) => x.pattern)).toEqual(['src/a.ts', 'src/api/**']);
    expect(a.data.claims[0]).toMatchObject({ ttl_seconds: 1800, mode: 'exclusive' });
    // A named owner outlives this server process: no pid is recorded as its liveness.
    expect(a.data.claims[0].pid).toBeUndefined();
    expect(a.text).toMatch(/^Claimed src\/a\.ts, src\/api\/\*\* \(exclusive\) for task:api-2 until \d\d:\d\d/);

    const b = await c.call('claim_files', { owner: 'task:ui', paths: ['src/a.ts'] });
    expect(b.isError).toBe(true);
    expect(b.text).toMatch(/^CONFLICT: Could not claim: src\/a\.ts is held by task api-2 until \d\d:\d\d/);
    expect(b.text).toMatch(/pick other files or wait/i);

    const l = await c.call('list_claims', { path: 'src/api/v1/x.ts' });
    expect(l.data.claims.map((x: any) => x.pattern)).toEqual(['src/api/**']);
    expect(l.text).toContain('task api-2');

    const r = await c.call('release_files', { owner: 'task:api-2', paths: ['src/a.ts', 'src/other.ts'] });
    expect(r.data).toEqual({ released: ['src/a.ts'], not_held: ['src/other.ts'] });
    expect(r.text).toContain('Not held');
    expect((await c.call('claim_files', { owner: 'task:ui', paths: ['src/a.ts'], mode: 'shared' })).isError).toBeFalsy();
    expect((await c.call('release_files', { owner: 'task:api-2' })).data.released).toEqual(['src/api/**']);
    expect((await c.call('list_claims', { owner: 'task:ui' })).data.claims).toHaveLength(1);
  });

  it('uses the configured default ttl and refuses hostile input with a fix', async () => {
    repo.write('.lanes/config.json', JSON.stringify({ claims: { default_ttl_seconds: 120 } }));
    const a = await c.call('claim_files', { owner: 'me', paths: ['x.ts'] });
    expect(a.data.claims[0].ttl_seconds).toBe(120);
    const bad = await c.call('claim_files', { owner: 'me', paths: ['../etc/passwd'] });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/^INVALID_INPUT: .*"\.\." segment/s);
    const abs = await c.call('claim_files', { owner: 'me', paths: ['/etc/passwd'] });
    expect(abs.text).toMatch(/absolute path/);
    const owner = await c.call('claim_files', { owner: '../x', paths: ['a'] });
    expect(owner.isError).toBe(true);
    const extra = await c.call('claim_files', { owner: 'me', paths: ['a'], pid: 1 });
    expect(extra.isError).toBe(true);
  });

  it('lease_port leases a stable port per owner', async () => {
    const a = await c.call('lease_port', { owner: 'task:web' });
    expect(a.isError).toBeFalsy();
    expect(a.data.port).toBeGreaterThanOrEqual(20000);
    const again = await c.call('lease_port', { owner: 'task:web' });
    expect(again.data).toMatchObject({ port: a.data.port, reused: true });
    expect(again.text).toContain(`Port ${a.data.port}`);
    const b = await c.call('lease_port', { owner: 'task:api' });
    expect(b.data.port).not.toBe(a.data.port);
  });
});
