import { describe, expect, it } from 'vitest';
import { emptyNote, type NoteMeta, type SessionNote } from '../../../src/core/sessions/model.js';
import { sectionFilled } from '../../../src/core/sessions/note.js';
import { parseNote } from '../../../src/core/sessions/note-parse.js';
import { renderNote } from '../../../src/core/sessions/note-render.js';

const meta = (over: Partial<NoteMeta> = {}): NoteMeta => ({
  id: 'fix-login-a1b2c3',
  topic: 'Fix login',
  type: 'bugfix',
  status: 'active',
  task: 'api',
  repo: 'demo',
  branch: 'lanes/api',
  started: '2026-11-23T10:00:00Z',
  ended: null,
  duration_minutes: null,
  summary: null,
  end_reason: null,
  start_commit: 'abc1234abc1234abc1234abc1234abc1234abc12',
  base: null,
  ...over,
});

function full(): SessionNote {
  const n = emptyNote(
    meta({
      status: 'completed',
      ended: '2026-11-23T11:30:00Z',
      duration_minutes: 90,
      summary: 'Fixed it.\nSecond line: with colon',
      topic: 'yes: "quoted" #not-a-comment',
    }),
    'Make login work again.\n\n## not a heading\n\\## already escaped\n- a list item',
  );
  n.progress.push(
    { at: '2026-11-23T10:05:00Z', text: 'Found the bug' },
    { at: '2026-11-23T10:06:00Z', text: 'Multi-line entry\nsecond line\n\n  indented after a blank\n## inside\n- dash inside' },
  );
  n.decisions.push({ at: '2026-11-23T10:07:00Z', text: 'Use bcrypt — not md5' });
  n.files = [
    { path: 'src/a.ts', added: 12, deleted: 3 },
    { path: 'img/logo (1).png' },
    { path: 'notes with spaces.md', added: 1, deleted: 0, uncommitted: true },
  ];
  n.files_more = 4;
  n.commits = [
    { short: 'abc1234', subject: 'Fix login (#12)' },
    { short: 'def5678', subject: '' },
  ];
  n.commits_more = 0;
  n.issues.push({ text: 'hand-written line without a time' });
  n.next_steps.push({ at: '2026-11-23T11:00:00Z', text: 'Add a regression test' });
  n.reflection = 'Outcome: completed. Fixed it.\n\n# also not a heading';
  n.extra.push({ heading: 'Links', body: 'https://example.invalid/issue/1' });
  return n;
}

describe('session notes', () => {
  it('round-trips every section, tricky text included', () => {
    const n = full();
    const text = renderNote(n);
    expect(parseNote(text)).toEqual(n);
    // and rendering the parse gives the same bytes
    expect(renderNote(parseNote(text))).toBe(text);
  });

  it('round-trips an empty active note', () => {
    const n = emptyNote(meta(), '');
    expect(parseNote(renderNote(n))).toEqual(n);
  });

  it('writes YAML front matter with the documented fields and timestamped bullets', () => {
    const text = renderNote(full());
    expect(text.startsWith('---\nid: fix-login-a1b2c3\n')).toBe(true);
    for (const k of ['topic', 'type', 'status', 'task', 'repo', 'branch', 'started', 'ended', 'duration_minutes'])
      expect(text).toMatch(new RegExp(`^${k}: `, 'm'));
    for (const h of ['Objective', 'Progress log', 'Decisions', 'Files changed', 'Commits', 'Issues', 'Next steps', 'Reflection'])
      expect(text).toContain(`\n## ${h}\n`);
    expect(text).toContain('- 2026-11-23T10:05:00Z — Found the bug');
    expect(text).toContain('- +12 -3 src/a.ts');
    expect(text).toContain('- abc1234 Fix login (#12)');
  });

  it('reads a hand-edited note and reports filled sections', () => {
    const text = [
      '---',
      'id: x-1',
      'topic: Hand made',
      'status: active',
      'started: 2026-11-23T10:00:00Z',
      '---',
      '',
      '## progress log',
      '',
      '- did a thing',
      '',
      '## Next steps',
      '',
      '_(none)_',
      '',
      '## Custom',
      '',
      'free text',
    ].join('\r\n');
    const n = parseNote(text);
    expect(n.progress).toEqual([{ text: 'did a thing' }]);
    expect(sectionFilled(n, 'Progress log')).toBe(true);
    expect(sectionFilled(n, 'Next steps')).toBe(false);
    expect(sectionFilled(n, 'custom')).toBe(true);
    expect(sectionFilled(n, 'Nope')).toBeUndefined();
  });

  it('refuses a file without front matter, naming the fix', () => {
    expect(() => parseNote('# just markdown', 'x.md')).toThrow(/x\.md could not be read: it does not start with YAML front matter/);
    expect(() => parseNote('---\n: : bad\n---\n', 'y.md')).toThrow(/y\.md/);
  });
});
