import { describe, expect, it } from 'vitest';
import { sessionKey } from '../../../src/core/sessions/records.js';
import { mcpOwner } from '../../../src/core/lanes/model.js';

describe('session identity', () => {
  it('takes an explicit key first, then CLAUDE_SESSION_ID, then CLAUDE_CODE_SESSION_ID (what Claude Code gives MCP servers), then the pid', () => {
    expect(sessionKey(' k1 ', {})).toEqual({ key: 'k1', explicit: true });
    expect(sessionKey(undefined, { CLAUDE_SESSION_ID: 'a', CLAUDE_CODE_SESSION_ID: 'b' })).toEqual({ key: 'a', explicit: false });
    expect(sessionKey(undefined, { CLAUDE_CODE_SESSION_ID: 'b' })).toEqual({ key: 'b', explicit: false });
    expect(sessionKey(undefined, {}, 42)).toEqual({ key: 'pid:42', explicit: false });
  });

  it('gives MCP callers an owner from the Claude Code session when there is one', () => {
    expect(mcpOwner({ CLAUDE_CODE_SESSION_ID: 'abc-123' }, 7)).toBe('session:abc-123');
    expect(mcpOwner({}, 7)).toBe('session:7');
  });
});
