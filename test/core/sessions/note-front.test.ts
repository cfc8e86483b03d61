import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { emptyNote, type NoteMeta } from '../../../src/core/sessions/model.js';
import { nextStepsOf } from '../../../src/core/sessions/note-body.js';
import { noteMeta, plainFrontMatter, renderNotePlain } from '../../../src/core/sessions/note-front.js';
import { parseNote } from '../../../src/core/sessions/note-parse.js';
import { renderNote } from '../../../src/core/sessions/note-render.js';
import { rng } from '../../helpers/prng.js';

const meta = (over: Partial<NoteMeta> = {}): NoteMeta => ({
  id: 'fix-login-a1b2c3',
  topic: 'Fix login',
  type: 'feature',
  status: 'active',
  task: 'api',
  repo: 'lanes-repo-Xy12',
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

const yamlFront = (m: Record<string, unknown>) => YAML.stringify(m, { lineWidth: 0 }).trimEnd();

describe('plainFrontMatter', () => {
  it("writes a new session's note byte for byte as the YAML library does, and it parses back", () => {
    for (const m of [
      meta(),
      meta({ task: null, topic: 'Work in lanes/api', branch: '(detached)' }),
      meta({ topic: 'Task A', start_commit: null }),
      meta({ duration_minutes: 12, ended: '2026-11-23T10:12:00.123Z' }),
    ]) {
      const note = emptyNote(m, `${m.topic}\n\nDo it.`);
      const plain = renderNotePlain(note);
      if (m.branch === '(detached)') {
        expect(plain).toBeUndefined();
        continue;
      }
      expect(plain).toBe(renderNote(note));
      expect(parseNote(plain!)).toEqual(parseNote(renderNote(note)));
    }
  });

  it('answers only where its text equals the YAML library’s (random values)', () => {
    const next = rng(20261202);
    const alphabet = [
      'a',
      'Z',
      '0',
      '7',
      ' ',
      '-',
      '_',
      '.',
      '/',
      ':',
      '#',
      '"',
      "'",
      'e',
      'x',
      '@',
      '+',
      '—',
      '\t',
      'é',
      '[',
      '{',
      ',',
      '!',
      '&',
      '*',
      '?',
      '|',
      '>',
      '%',
      '`',
    ];
    let answered = 0;
    for (let i = 0; i < 4000; i++) {
      const len = 1 + Math.floor(next() * 12);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(next() * alphabet.length)];
      const words = [
        'true',
        'No',
        'null',
        'y',
        'off',
        '1e5',
        '0x1f',
        '12',
        '-3',
        '.inf',
        '2026-11-23',
        'abc1234abc1234abc1234abc1234abc1234abc12',
      ];
      if (i % 5 === 0) s = words[i % words.length]!;
      const m = { id: 'x-1', topic: s, count: i % 7 === 0 ? i - 3000 : null };
      const plain = plainFrontMatter(m);
      if (plain === undefined) continue;
      answered++;
      expect(plain).toBe(yamlFront(m));
      expect(YAML.parse(plain)).toEqual(m);
    }
    expect(answered).toBeGreaterThan(100);
    // Numbers-that-are-not-plain, objects and oids that read as numbers go to YAML.
    expect(plainFrontMatter({ a: 1.5 })).toBeUndefined();
    expect(plainFrontMatter({ a: { b: 1 } })).toBeUndefined();
    expect(plainFrontMatter({ a: '1234567890123456789012345678901234567890' })).toBeUndefined();
    expect(
      plainFrontMatter(
        noteMeta(
          emptyNote(meta({ usage: { input_tokens: 1, output_tokens: 2, cache_read_tokens: 0, cache_creation_tokens: 0, models: [] } })),
        ),
      ),
    ).toBeUndefined();
  });
});

describe('nextStepsOf', () => {
  it('reads the Next steps from the body alone, as parseNote does', () => {
    const note = emptyNote(meta(), 'Goal');
    note.next_steps.push({ at: '2026-11-23T10:05:00Z', text: 'Wire the API\n  - then the UI' }, { text: 'hand-written' });
    const text = renderNote(note);
    expect(nextStepsOf(text)).toEqual(parseNote(text).next_steps);
    expect(nextStepsOf('no front matter\n## Next steps\n\n- x\n')).toBeUndefined();
  });
});
