/**
 * Reads a task list from a file: JSON or YAML (a list, or an object with `tasks:`), or a Markdown
 * ROADMAP (see roadmap.ts). The only module of the planner that does I/O. Returns raw task objects;
 * buildPlan validates them, so every entry point reports task errors the same way.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { LanesError } from '../../errors.js';
import { PLAN_LIMITS } from './model.js';
import { parseRoadmap } from './roadmap.js';

export async function loadTasksSource(file: string): Promise<unknown[]> {
  const text = await readSource(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return parseRoadmap(text, file);
  const json = ext === '.json' || (ext !== '.yaml' && ext !== '.yml' && /^\s*[[{]/.test(text));
  return taskList(json ? parseJson(text, file) : parseYamlText(text, file), file);
}

async function readSource(file: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LanesError('NOT_FOUND', `Tasks file not found: ${file}`, {
        hint: 'Pass the path of a tasks .yaml/.json file or a ROADMAP.md, relative to the current directory.',
      });
    }
    throw new LanesError('INVALID_INPUT', `Cannot read tasks file ${file}: ${(e as Error).message}`, { cause: e });
  }
  if (!stat.isFile()) {
    throw new LanesError('INVALID_INPUT', `Not a file: ${file}`, { hint: 'Pass a tasks .yaml/.json file or a ROADMAP.md.' });
  }
  if (stat.size > PLAN_LIMITS.maxSourceBytes) {
    throw new LanesError(
      'INVALID_INPUT',
      `Tasks file ${file} is ${stat.size} bytes, more than the ${PLAN_LIMITS.maxSourceBytes} allowed.`,
      {
        hint: 'Split the plan, or move long descriptions out of the tasks file.',
      },
    );
  }
  return (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
}

function syntaxError(file: string, kind: string, line: number | undefined, col: number | undefined, reason: string): LanesError {
  const where = line === undefined ? file : `${file}:${line}${col === undefined ? '' : `:${col}`}`;
  return new LanesError('INVALID_INPUT', `${where}: invalid ${kind}: ${reason}`, {
    hint: `Fix the ${kind} syntax${line === undefined ? '' : ` at line ${line}`} and try again.`,
    details: { file, ...(line === undefined ? {} : { line }), ...(col === undefined ? {} : { column: col }) },
  });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.replace(/,? "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '');
    // Node 20 only sometimes says where; find the offset ourselves.
    const at = jsonErrorOffset(text);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return throwIt(syntaxError(file, 'JSON', line, at - before.lastIndexOf('\n'), reason));
  }
}

// JSON strings exclude raw control characters, so the pattern names them.
// eslint-disable-next-line no-control-regex
const SCALAR = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Offset of the first JSON syntax error in `text` (a small recursive-descent scan). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (depth > 512) fail();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          value(depth + 1);
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) fail();
    i = SCALAR.lastIndex;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
  return i;
}

function parseYamlText(text: string, file: string): unknown {
  try {
    // `yaml` caps alias expansion by default (maxAliasCount), so a "billion laughs" file fails fast.
    return parseYaml(text);
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      return throwIt(syntaxError(file, 'YAML', pos?.line, pos?.col, e.message.split(' at line ')[0] ?? e.message));
    }
    return throwIt(syntaxError(file, 'YAML', undefined, undefined, (e as Error).message));
  }
}

function throwIt(e: Error): never {
  throw e;
}

function taskList(doc: unknown, file: string): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Array.isArray((doc as { tasks?: unknown }).tasks)) return (doc as { tasks: unknown[] }).tasks;
  throw new LanesError('INVALID_INPUT', `${file}: expected a list of tasks or an object with a "tasks" list.`, {
    hint: 'Write `tasks:` followed by entries like `- id: api-auth` / `title: Add login` / `files: [src/api/**]`.',
  });
}
