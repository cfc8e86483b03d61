/**
 * Config text to JSON, with the position of a syntax error: V8's messages give a position only for
 * some errors (and echo the input for others), so the first error is located here by a small
 * scan of the JSON grammar, with a line, a column and what is wrong in words.
 */
import { LanesError } from '../../errors.js';

/** JSON.parse with a BOM dropped; a syntax error is a CONFIG error with its line and column. */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  try {
    return JSON.parse(body);
  } catch (cause) {
    // V8's messages give a position only for some errors (and echo the input for others), so
    // locate the error ourselves.
    const loc = locateJsonError(body);
    const where = loc ? ` at line ${loc.line}, column ${loc.column}: ${loc.problem}` : `: ${(cause as Error).message}`;
    throw new LanesError('CONFIG', `${source} is not valid JSON${where}.`, {
      hint: `Fix the JSON syntax in ${source} (plain JSON: no comments, no trailing commas).`,
      details: { source, ...loc },
      cause,
    });
  }
}

/** Finds the first syntax error in text JSON.parse rejected: 1-based line and column. */
export function locateJsonError(text: string): { line: number; column: number; problem: string } | undefined {
  let i = 0;
  class Stop {
    constructor(readonly problem: string) {}
  }
  const fail = (problem: string): never => {
    throw new Stop(problem);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (text.startsWith('//', i) || text.startsWith('/*', i)) fail('comments are not allowed in JSON');
  };
  const str = () => {
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string');
      if (c === '"') return void i++;
      if (c!.charCodeAt(0) < 0x20) fail('control character in a string (write a newline as \\n)');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail('bad escape in a string');
        i += 2;
        continue;
      }
      i++;
    }
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : 'expected a double-quoted property name');
        str();
        ws();
        if (text[i] !== ':') fail('expected ":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail('expected "," or "}" after a property value');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        ws();
        if (text[i] === ']') fail('trailing comma before "]"');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail('expected "," or "]" after an array element');
      }
    }
    if (c === '"') return str();
    const num = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    num.lastIndex = i;
    if (c !== undefined && /[-0-9]/.test(c)) {
      if (!num.test(text)) fail('invalid number');
      i = num.lastIndex;
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail(c === undefined ? 'unexpected end of file' : c === "'" ? 'strings need double quotes' : `unexpected ${JSON.stringify(c)}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return undefined; // no error found (should not happen if JSON.parse failed)
  } catch (e) {
    if (!(e instanceof Stop)) return undefined; // e.g. stack overflow on absurd nesting
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    return { line, column: i - before.lastIndexOf('\n'), problem: e.problem };
  }
}
