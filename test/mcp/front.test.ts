import { beforeAll, describe, expect, it } from 'vitest';
import { captureAnswers, DISCOVER_PROBE_PARAMS, sdkSession } from '../../src/mcp/answers.js';
import { frontAnswer, ID_PLACEHOLDER, isInitialized, type Answers, type FrontState } from '../../src/mcp/front.js';

/** What Claude Code 2.1.330 sends, in order, before its first tool call. */
const CLAUDE_PROBE = {
  jsonrpc: '2.0',
  id: 'server-discover-probe-1',
  method: 'server/discover',
  params: {
    _meta: {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'claude-code', title: 'Claude Code', version: '2.1.330' },
      'io.modelcontextprotocol/clientCapabilities': { roots: { listChanged: true }, elicitation: { form: {}, url: {} } },
    },
  },
};
const CLAUDE_INIT = {
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: { roots: { listChanged: true }, elicitation: { form: {}, url: {} } },
    clientInfo: {
      name: 'claude-code',
      title: 'Claude Code',
      version: '2.1.330',
      description: "Anthropic's agentic coding tool",
      websiteUrl: 'https://claude.com/claude-code',
    },
  },
  jsonrpc: '2.0',
  id: 0,
};
const init = (params: Record<string, unknown>, id: unknown = 1) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' }, ...params },
});

let answers: Answers;
beforeAll(async () => {
  answers = await captureAnswers();
});

/** The real server's answer lines to these messages, sent in order on one session. */
async function sdkAnswers(...msgs: object[]): Promise<string[]> {
  const s = await sdkSession();
  const out: string[] = [];
  for (const m of msgs) out.push(await s.ask(`${JSON.stringify(m)}\n`));
  await s.close();
  return out;
}

describe('the fast start answers exactly what the SDK answers', () => {
  it('takes answers for the protocol versions initialize negotiates, with one tool list', () => {
    expect(Object.keys(answers.versions)).toEqual(expect.arrayContaining(['2025-06-18', '2025-11-25']));
    expect(answers.lists.length).toBeGreaterThan(0);
    const tools = JSON.parse(answers.lists[0]!).result.tools.map((t: { name: string }) => t.name);
    expect(tools).toContain('plan_work');
    expect(answers.discover).toContain(JSON.stringify(ID_PLACEHOLDER));
  });

  it("answers Claude Code's start (probe, initialize, tools/list) byte for byte as the SDK does", async () => {
    const list = { method: 'tools/list', jsonrpc: '2.0', id: 1 };
    const state: FrontState = {};
    const front = [CLAUDE_PROBE, CLAUDE_INIT, list].map((m) => frontAnswer(answers, state, m));
    expect(front).toEqual(await sdkAnswers(CLAUDE_PROBE, CLAUDE_INIT, list));
    expect(state).toEqual({ version: '2025-11-25', listed: true });
  });

  it.each([
    ['every version it took', null],
    ['a string id and sampling', { capabilities: { sampling: { context: {}, tools: {} } } }],
    [
      'roots without listChanged, elicitation with applyDefaults',
      { capabilities: { roots: {}, elicitation: { form: { applyDefaults: true } } } },
    ],
  ])('answers initialize and tools/list as the SDK does: %s', async (_what, extra) => {
    const versions = extra === null ? Object.keys(answers.versions) : ['2025-06-18'];
    for (const v of versions) {
      const msgs = [init({ protocolVersion: v, ...(extra ?? {}) }, 'init-x'), { jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} }];
      const state: FrontState = {};
      expect(msgs.map((m) => frontAnswer(answers, state, m))).toEqual(await sdkAnswers(...msgs));
    }
  });
});

describe('the fast start leaves to the SDK what it cannot be sure of', () => {
  it.each([
    ['an unknown protocol version', init({ protocolVersion: '1999-01-01' })],
    ['the 2026 protocol through initialize', init({ protocolVersion: '2026-07-28' })],
    ['params with _meta', init({ _meta: { progressToken: 1 } })],
    ['clientInfo with icons', init({ clientInfo: { name: 't', version: '0', icons: [] } })],
    ['clientInfo without a version', init({ clientInfo: { name: 't' } })],
    ['experimental capabilities', init({ capabilities: { experimental: { x: {} } } })],
    ['a capability it does not know', init({ capabilities: { tasks: {} } })],
    ['roots.listChanged that is not a boolean', init({ capabilities: { roots: { listChanged: 'yes' } } })],
    ['applyDefaults that is not a boolean', init({ capabilities: { elicitation: { form: { applyDefaults: 1 } } } })],
    ['a fractional id', init({}, 1.5)],
    ['a null id', init({}, null)],
    ['an extra member', { ...init({}), extra: true }],
    ['a notification', { jsonrpc: '2.0', method: 'initialize', params: init({}).params }],
  ])('initialize: %s', (_what, msg) => {
    const state: FrontState = {};
    expect(frontAnswer(answers, state, msg)).toBeUndefined();
    expect(state).toEqual({});
  });

  it('tools/list before initialize, with a cursor, and a second initialize', () => {
    const state: FrontState = {};
    expect(frontAnswer(answers, state, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).toBeUndefined();
    expect(frontAnswer(answers, state, init({}))).toBeDefined();
    expect(frontAnswer(answers, state, { jsonrpc: '2.0', id: 2, method: 'tools/list', params: { cursor: 'x' } })).toBeUndefined();
    expect(frontAnswer(answers, state, init({}, 3))).toBeUndefined();
    expect(frontAnswer(answers, state, { jsonrpc: '2.0', id: 4, method: 'server/discover' })).toBeUndefined();
    expect(frontAnswer(answers, state, { jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'status' } })).toBeUndefined();
  });

  it('a discover probe with claims it does not know', () => {
    const msg = {
      jsonrpc: '2.0',
      id: 1,
      method: 'server/discover',
      params: { _meta: { ...DISCOVER_PROBE_PARAMS._meta, progressToken: 1 } },
    };
    expect(frontAnswer(answers, {}, msg)).toBeUndefined();
  });

  it('holds only the plain initialized notification', () => {
    expect(isInitialized({ jsonrpc: '2.0', method: 'notifications/initialized' })).toBe(true);
    expect(isInitialized({ jsonrpc: '2.0', id: 1, method: 'notifications/initialized' })).toBe(false);
    expect(isInitialized({ jsonrpc: '2.0', method: 'notifications/roots/list_changed' })).toBe(false);
  });
});
