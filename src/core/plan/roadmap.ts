/**
 * A Markdown ROADMAP as a task list. Each `### PRIORITY N: Title` section whose status is Planned
 * becomes a task `p<N>-<slug of title>`; sections already done or under way are skipped, and a
 * dependency on one of them is dropped (it is satisfied). Recognized lines inside a section:
 *
 *   Status: Planned                     (also `**Status:** Planned`, `- Status: ...`)
 *   Depends on: PRIORITY 2, PRIORITY 3  (or task ids)
 *   Files: `src/a/**`, `docs/x.md`      (or `Files:` followed by a bullet list)
 *   Estimate: 3h                        (`90m`, `1.5 hours`, `2d` = 16 h)
 *
 * Everything else in the section is the task's description.
 */
import { LanesError } from '../../errors.js';
import { slugify } from '../../util/slug.js';
import { PLAN_LIMITS } from './model.js';

interface Section {
  n: number;
  title: string;
  line: number;
  level: number;
  /** `fenced`: inside a code block, where nothing is metadata. */
  body: Array<{ text: string; line: number; fenced: boolean }>;
}

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const PRIORITY = /^priority\s+#?(\d+)\s*(?:[:.)\-\u2013\u2014]\s*)?(.*)$/i;
const META =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(status|depends on|depends|dependencies|files|estimate)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
const BULLET = /^\s*[-*+]\s+(.+?)\s*$/;
// Statuses meaning "not started yet"; anything else (Done, In progress, Complete, Blocked...) is skipped.
const PLANNED = /^(planned|todo|to do|not started|pending|ready)\b/;

function fail(file: string, line: number, msg: string, hint: string): LanesError {
  return new LanesError('INVALID_INPUT', `${file}:${line}: ${msg}`, { hint, details: { file, line } });
}

function sections(text: string): Section[] {
  const out: Section[] = [];
  let cur: Section | undefined;
  let fence = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const delimiter = /^\s*(```|~~~)/.test(raw);
    if (delimiter) fence = !fence;
    const h = fence ? null : HEADING.exec(raw);
    if (h) {
      const level = (h[1] as string).length;
      if (cur && level <= cur.level) cur = undefined;
      const p = PRIORITY.exec(h[2] as string);
      if (p) {
        cur = { n: Number(p[1]), title: (p[2] as string).trim(), line: i + 1, level, body: [] };
        out.push(cur);
        return;
      }
    }
    cur?.body.push({ text: raw, line: i + 1, fenced: fence || delimiter });
  });
  return out;
}

const unmark = (s: string): string => s.replace(/[`*_]/g, '').trim();

function hours(value: string, file: string, line: number): number {
  const m = /^~?\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?)?\.?$/i.exec(unmark(value));
  if (!m)
    throw fail(
      file,
      line,
      `cannot read the estimate "${value}"`,
      'Write the estimate in hours, e.g. "Estimate: 3h", "90m" or "1.5 hours".',
    );
  const x = Number(m[1]);
  const unit = (m[2] ?? 'h').toLowerCase();
  return unit.startsWith('m') ? x / 60 : unit.startsWith('d') ? x * 8 : x;
}

function fileItems(value: string): string[] {
  const ticked = [...value.matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).trim());
  if (ticked.length) return ticked;
  return value.split(',').map(unmark).filter(Boolean);
}

export function parseRoadmap(text: string, file: string): unknown[] {
  const all = sections(text);
  if (all.length === 0) {
    throw new LanesError('INVALID_INPUT', `${file}: no "### PRIORITY N: Title" sections found.`, {
      hint: 'Give each piece of work a heading like "### PRIORITY 1: Add login" with a "Status: Planned" line under it.',
    });
  }
  const byN = new Map<number, Section>();
  for (const s of all) {
    const prev = byN.get(s.n);
    if (prev)
      throw fail(file, s.line, `PRIORITY ${s.n} is used twice (also line ${prev.line})`, 'Give each section its own priority number.');
    byN.set(s.n, s);
  }
  const status = new Map<number, string>();
  for (const s of all) {
    const line = s.body.find((b) => !b.fenced && META.exec(b.text)?.[1]?.toLowerCase() === 'status');
    const value = line ? unmark((META.exec(line.text) as RegExpExecArray)[2] as string) : '';
    status.set(s.n, value.toLowerCase().replace(/^[^a-z]+/, '')); // "📋 Planned" is Planned
  }
  const planned = all.filter((s) => PLANNED.test(status.get(s.n) ?? ''));
  if (planned.length === 0) {
    const seen = [...new Set(all.map((s) => status.get(s.n) || 'no status'))].join(', ');
    throw new LanesError('INVALID_INPUT', `${file}: no section is Planned (statuses found: ${seen}).`, {
      hint: 'Mark the sections to do with a "Status: Planned" line.',
    });
  }
  const idOf = (s: Section): string => {
    const prefix = `p${s.n}-`;
    return prefix + slugify(s.title || `priority ${s.n}`, 63 - prefix.length);
  };
  return planned.map((s) => {
    const task: Record<string, unknown> = { id: idOf(s), title: (s.title || `Priority ${s.n}`).slice(0, PLAN_LIMITS.maxTitle) };
    const desc: string[] = [];
    const deps: string[] = [];
    const files: string[] = [];
    // After a bare `Files:` line: 'await' until the first bullet, then 'list' until a non-bullet.
    let fileList: 'no' | 'await' | 'list' = 'no';
    for (const b of s.body) {
      if (b.fenced) {
        desc.push(b.text);
        fileList = 'no';
        continue;
      }
      const bullet = BULLET.exec(b.text);
      if (fileList !== 'no' && bullet && !META.test(b.text)) {
        files.push(...fileItems(bullet[1] as string));
        fileList = 'list';
        continue;
      }
      if (!(fileList === 'await' && b.text.trim() === '')) fileList = 'no';
      const m = META.exec(b.text);
      if (!m) {
        desc.push(b.text);
        continue;
      }
      const key = (m[1] as string).toLowerCase();
      const value = m[2] as string;
      if (key === 'files') {
        files.push(...fileItems(value));
        fileList = value === '' ? 'await' : 'no';
      } else if (key === 'estimate') task.estimate = hours(value, file, b.line);
      else if (key !== 'status') deps.push(...dependencies(value, byN, status, idOf, file, b.line));
    }
    const description = desc.join('\n').trim();
    if (description) task.description = description.slice(0, PLAN_LIMITS.maxDescription);
    if (deps.length) task.depends_on = [...new Set(deps)];
    if (files.length) task.files = files;
    return task;
  });
}

function dependencies(
  value: string,
  byN: Map<number, Section>,
  status: Map<number, string>,
  idOf: (s: Section) => string,
  file: string,
  line: number,
): string[] {
  const out: string[] = [];
  for (const raw of value.split(/,|;|\band\b/i)) {
    const item = unmark(raw);
    if (!item || /^(none|nothing|n\/a|-)$/i.test(item)) continue;
    const ref = /^(?:priority|p)\s*#?(\d+)$/i.exec(item);
    if (!ref) {
      out.push(item); // a task id; buildPlan reports it if it names no task
      continue;
    }
    const target = byN.get(Number(ref[1]));
    if (!target) throw fail(file, line, `"${item}" names no PRIORITY section`, 'Depend on an existing "PRIORITY N" or on a task id.');
    if (PLANNED.test(status.get(target.n) ?? '')) out.push(idOf(target)); // done or under way: already satisfied
  }
  return out;
}
