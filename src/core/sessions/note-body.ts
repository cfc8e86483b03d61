/**
 * A note's Markdown body (everything after the front matter) read back into the note's sections:
 * the exact inverse of note-front.ts's body rendering. No YAML: the SessionStart hook reads the
 * previous session's next steps from here without loading a YAML parser.
 */
import { SECTIONS, type CommitLine, type FileChange, type NoteEntry, type SessionNote } from './model.js';
import { ENTRY_RE, NONE, normalizeText, unescapeFree } from './note.js';

/** The front matter block between `---` lines at the very start, and the body after it. */
export function splitFrontMatter(text: string): { front: string; body: string } | undefined {
  const t = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const fm = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(t);
  return fm ? { front: fm[1]!, body: t.slice(fm[0].length) } : undefined;
}

function splitSections(body: string): Array<{ heading: string; lines: string[] }> {
  const out: Array<{ heading: string; lines: string[] }> = [];
  let cur: { heading: string; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const m = /^## (.+?)\s*$/.exec(line);
    if (m) {
      cur = { heading: m[1]!, lines: [] };
      out.push(cur);
    } else if (cur) {
      cur.lines.push(line);
    }
  }
  return out;
}

function sectionText(lines: string[]): string {
  const t = lines.join('\n').trim();
  return t === NONE ? '' : t;
}

function parseEntries(lines: string[]): NoteEntry[] {
  const entries: Array<{ at?: string; lines: string[] }> = [];
  let cur: { at?: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      const m = ENTRY_RE.exec(line);
      cur = m ? { at: m[1]!, lines: [m[2]!] } : { lines: [line.slice(2)] };
      entries.push(cur);
    } else if (cur && (line.startsWith('  ') || line.trim() === '')) {
      cur.lines.push(line.startsWith('  ') ? line.slice(2) : '');
    } else if (line.trim() !== '' && line.trim() !== NONE) {
      // A hand-written paragraph outside any bullet: keep it as an entry of its own.
      cur = { lines: [line] };
      entries.push(cur);
    }
  }
  return entries.map((e) => ({ ...(e.at ? { at: e.at } : {}), text: normalizeText(e.lines.join('\n')) })).filter((e) => e.text !== '');
}

/** A bullet list of items, whose last line may say "- ... and N more". */
function listWithMore<T>(lines: string[], item: (line: string) => T | undefined): { items: T[]; more: number } {
  const items: T[] = [];
  let more = 0;
  for (const line of lines) {
    const mm = /^- \.\.\. and (\d+) more$/.exec(line);
    if (mm) more = Number(mm[1]);
    else {
      const x = item(line);
      if (x !== undefined) items.push(x);
    }
  }
  return { items, more };
}

function parseFiles(lines: string[]): { files: FileChange[]; more: number } {
  const { items, more } = listWithMore(lines, (line) => {
    const m = /^- (?:\+(\d+) -(\d+)|binary) (.+?)( \(uncommitted\))?$/.exec(line);
    if (!m) return undefined;
    const f: FileChange = { path: m[3]! };
    if (m[1] !== undefined) {
      f.added = Number(m[1]);
      f.deleted = Number(m[2]);
    }
    if (m[4]) f.uncommitted = true;
    return f;
  });
  return { files: items, more };
}

function parseCommits(lines: string[]): { commits: CommitLine[]; more: number } {
  const { items, more } = listWithMore(lines, (line) => {
    const m = /^- ([0-9a-f]{4,64}) ?(.*)$/.exec(line);
    return m ? { short: m[1]!, subject: m[2]! } : undefined;
  });
  return { commits: items, more };
}

/** Fills `note`'s sections from the body text. */
export function parseBody(note: SessionNote, body: string): SessionNote {
  const byHeading = new Map(Object.values(SECTIONS).map((h) => [h.toLowerCase(), h]));
  for (const s of splitSections(body)) {
    const known = byHeading.get(s.heading.toLowerCase());
    switch (known) {
      case SECTIONS.objective:
        note.objective = unescapeFree(sectionText(s.lines));
        break;
      case SECTIONS.progress:
        note.progress = parseEntries(s.lines);
        break;
      case SECTIONS.decision:
        note.decisions = parseEntries(s.lines);
        break;
      case SECTIONS.files: {
        const r = parseFiles(s.lines);
        note.files = r.files;
        note.files_more = r.more;
        break;
      }
      case SECTIONS.commits: {
        const r = parseCommits(s.lines);
        note.commits = r.commits;
        note.commits_more = r.more;
        break;
      }
      case SECTIONS.issue:
        note.issues = parseEntries(s.lines);
        break;
      case SECTIONS.next_step:
        note.next_steps = parseEntries(s.lines);
        break;
      case SECTIONS.reflection:
        note.reflection = unescapeFree(sectionText(s.lines));
        break;
      default:
        note.extra.push({ heading: s.heading, body: s.lines.join('\n').trim() });
    }
  }
  return note;
}

/**
 * The Next steps of a note's text, without reading its front matter; undefined when the text does
 * not start with a front matter block (so is no note).
 */
export function nextStepsOf(text: string): NoteEntry[] | undefined {
  const split = splitFrontMatter(text);
  if (!split) return undefined;
  for (const s of splitSections(split.body)) if (s.heading.toLowerCase() === SECTIONS.next_step.toLowerCase()) return parseEntries(s.lines);
  return [];
}
