/** Every CLI text rendering escapes stored control characters; colour codes the renderers add stay. */
import { describe, expect, it } from 'vitest';
import { jsonOut, terminalText } from '../../../src/cli/run.js';
import { lanes } from '../../helpers/cli.js';
import { makeRepo } from '../../helpers/repo.js';

const EVIL = 'topic \x1b]0;owned\x07\x1b[2J\x9b end';

describe('CLI output of stored text', () => {
  it('terminalText keeps SGR colours, newlines and tabs and escapes the rest; jsonOut escapes C1', () => {
    expect(terminalText('\x1b[32mok\x1b[0m\tx\n\x1b[2J\x1b]0;t\x07')).toBe('\x1b[32mok\x1b[0m\tx\n\\x1b[2J\\x1b]0;t\\x07');
    const j = jsonOut({ t: '\x9b\x1b' });
    expect(j).toBe('{\n  "t": "\\u009b\\u001b"\n}');
    expect(JSON.parse(j)).toEqual({ t: '\x9b\x1b' });
  });

  it('lanes session list shows a topic with escapes as text', async () => {
    const repo = makeRepo();
    try {
      const s = await lanes(repo.dir, ['session', 'start', EVIL, '--type', 'feature']);
      expect(s.code, s.stderr).toBe(0);
      for (const out of [
        s.stdout,
        (await lanes(repo.dir, ['session', 'list'])).stdout,
        (await lanes(repo.dir, ['session', 'list', '--json'])).stdout,
      ]) {
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\x07\x1b\x9b]/);
        expect(out).toMatch(/topic (\\x1b|\\u001b)\]0;owned/);
      }
    } finally {
      repo.cleanup();
    }
  }, 60_000);
});
