import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { emptyNote, type NoteMeta } from '../../../src/core/sessions/model.js';
import { nextStepsOf } from '../../../src/core/sessions/note-body.js';
import { noteMeta, parsePlainFront, plainFrontMatter, renderNotePlain } from '../../../src/core/sessions/note-front.js';
import { parseNotePlain } from '../../../src/core/sessions/note-read.js';
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
      '(',
      ')',
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
    // Numbers written with an exponent, empty or nested-too-deep objects, oids that read as numbers go to YAML.
    for (const v of [1e-7, 1e21, -0, Number.NaN, {}, { b: { c: { d: 1 } } }, '1234567890123456789012345678901234567890'])
      expect(plainFrontMatter({ a: v }), String(v)).toBeUndefined();
    // A session's usage is written by hand too, as the library writes it.
    const usage = {
      input_tokens: 1,
      output_tokens: 2,
      cache_read_tokens: 0,
      cache_creation_tokens: 0,
      cost_usd: 0.012345,
      models: ['claude-sonnet-4-5'],
    };
    for (const u of [usage, { ...usage, models: [] }, { ...usage, cost_usd: 3 }]) {
      const m = noteMeta(emptyNote(meta({ usage: u })));
      expect(plainFrontMatter(m)).toBe(yamlFront(m));
    }
  });

  it('numbers, lists and one nested mapping: byte for byte as the YAML library writes them (random values)', () => {
    const next = rng(20261203);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)]!;
    const scalar = (): unknown =>
      pick([
        () => null,
        () => Math.floor(next() * 2e6) - 1e6,
        () => Math.round(next() * 1e6) / 10 ** Math.floor(next() * 8),
        () => next() * 100,
        () => next() * 1e-6,
        () => pick(['claude-sonnet-4-5', 'a b', 'x: y', '', 'true', '12', '(x)', "it's", 'a,b']),
      ])();
    let answered = 0;
    for (let i = 0; i < 3000; i++) {
      const value = (depth: number): unknown => {
        const r = next();
        if (depth === 0 || r < 0.5) return scalar();
        if (r < 0.7) return Array.from({ length: Math.floor(next() * 3) }, () => (next() < 0.9 ? scalar() : value(depth - 1)));
        const o: Record<string, unknown> = {};
        for (let k = Math.floor(next() * 4); k >= 0; k--) o[pick(['input_tokens', 'models', 'cost_usd', 'a1', 'b_c'])] = value(depth - 1);
        return o;
      };
      const m = { id: 'x-1', usage: value(3), n: scalar() };
      const plain = plainFrontMatter(m);
      if (plain === undefined) continue;
      answered++;
      expect(plain).toBe(yamlFront(m));
      expect(YAML.parse(plain)).toEqual(m);
      expect(parsePlainFront(plain)).toEqual(m);
    }
    expect(answered).toBeGreaterThan(500);
  });
});

describe('parsePlainFront', () => {
  it('reads exactly what plainFrontMatter writes, to the value the YAML library reads; anything else is left to it', () => {
    const next = rng(20261204);
    const texts: string[] = [];
    for (const m of [
      meta(),
      meta({ topic: 'Fix it (again), properly', summary: "The session ended (clear) without end_session. It's fine" }),
      meta({ duration_minutes: 12, ended: '2026-11-23T10:12:00.123Z', topic: 'x: y', branch: '(detached)' }),
      meta({
        usage: { input_tokens: 1, output_tokens: 2, cache_read_tokens: 0, cache_creation_tokens: 0, cost_usd: 0.5, models: ['m1', 'm2'] },
      }),
    ])
      texts.push(YAML.stringify(noteMeta(emptyNote(m)), { lineWidth: 0 }).trimEnd());
    // Hand-edited front matter: comments, quotes, other indents, flow style, duplicates, blank lines.
    const lines = [
      'id: a',
      'id: b',
      'topic: "q"',
      "topic: 'q'",
      'n: 1 # c',
      'usage:',
      '  a: 1',
      '   a: 1',
      '  - x',
      '    - y',
      'x: [1]',
      'x: {}',
      '',
      'k:',
      '__proto__: 1',
      'k: ~',
      'v: 1.0',
      'v: 01',
      'v: 0x1',
    ];
    for (let i = 0; i < 3000; i++)
      texts.push(Array.from({ length: 1 + Math.floor(next() * 5) }, () => lines[Math.floor(next() * lines.length)]).join('\n'));
    let plain = 0;
    for (const t of texts) {
      const got = parsePlainFront(t);
      if (got === undefined) continue;
      plain++;
      expect(got, t).toEqual(YAML.parse(t));
    }
    expect(plain).toBeGreaterThan(50);
    // What Lanes writes for a new and for a finished session is plain.
    expect(texts.slice(0, 2).every((t) => parsePlainFront(t) !== undefined)).toBe(true);
    expect(parsePlainFront(texts[2]!)).toBeUndefined();
  });

  it('parses a note with plain front matter without the YAML library, to what parseNote gives', () => {
    const note = emptyNote(meta({ summary: 'Done (partly), see next steps' }), 'Goal');
    note.next_steps.push({ at: '2026-11-23T10:05:00Z', text: 'Wire the API' });
    const text = renderNote(note);
    expect(parseNotePlain(text)).toEqual(parseNote(text));
    expect(parseNotePlain(renderNote(emptyNote(meta({ topic: 'a: b' }))))).toBeUndefined();
    expect(parseNotePlain('no front matter')).toBeUndefined();
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
