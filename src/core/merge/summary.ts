/**
 * What a human looks at first in a red gate's output: the test runner's own summary line(s)
 * ("3 failing", "Tests: 3 failed, 12 passed", "test result: FAILED", "# fail 2") and the first
 * failure's block (mocha's "1) suite", jest's "●", pytest's "___ test_x ___", TAP's "not ok",
 * cargo's "---- x stdout ----", go's "--- FAIL:", Python unittest's "FAIL: test (...)"). The tail of a long run is usually a coverage
 * table or a stack of noise, so it is the last thing shown, not the first. Pure: text in, text out.
 */

export interface FailureSummary {
  /** The runner's summary lines, in the order they appeared (at most a few). */
  summary: string[];
  /** The first failure's block: its title line and the lines that explain it. */
  first_failure: string[];
}

// Terminal colours and cursor codes that runners print even into pipes.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07/g;

const SUMMARY: RegExp[] = [
  /^\s*\d+ (passing|failing|pending)\b/, // mocha
  /^\s*(Tests|Test Suites|Test Files):\s+.*\bfailed\b/, // jest
  /^\s*(Tests|Test Files)\s+\d+ failed\b/, // vitest
  /^=+ .*\b\d+ (failed|error|errors)\b.* =+$/, // pytest's closing line
  /^FAILED \S+::\S+/, // pytest short test summary
  /^ERROR \S+::\S+/,
  /^test result: FAILED\b/, // cargo
  /^# (fail|pass|tests) \d+/, // TAP (node:test, tape)
  /^\s*ℹ (fail|pass|tests) \d+/, // node:test spec reporter
  /^(FAIL|ok)\s+\S+\s+[\d.]+s$/, // go test per package
  /^\s*\d+ failed(, \d+ (passed|skipped))*/, // generic "N failed, N passed" (playwright, pytest -q)
  /^Ran \d+ tests? in [\d.]+s$/, // Python unittest's count
  /^FAILED \((failures|errors)=\d+/, // and its verdict
];

/**
 * Title lines of a failure's block, per runner. Mocha numbers the failing tests in its spec list
 * too ("    1) should ..."), so its block is looked for only after its "N failing" line.
 */
const MOCHA_FAILING = /^\s*\d+ failing\b/;
const MOCHA_FIRST = /^\s*1\) \S/;
const FIRST: RegExp[] = [
  /^\s*● (?!Console\b)\S/, // jest
  /^_{3,} \S.* _{3,}$/, // pytest
  /^not ok \d+/, // TAP
  /^\s*✖ \S/, // node:test spec reporter
  /^---- \S+ stdout ----$/, // cargo
  /^\s*--- FAIL: \S/, // go test
  /^\s*FAIL\s+\S+\s+>\s/, // vitest
  /^(FAIL|ERROR): \S+ \(\S+\)$/, // Python unittest
];

/** Lines after a block's title that still belong to it, up to a cap. */
const BLOCK_LINES = 24;

function endsBlock(line: string, title: string): boolean {
  if (line === title) return false;
  if (/^\s*2\) \S/.test(line)) return true; // mocha's next failure
  if (/^\s*● \S/.test(line)) return true;
  if (/^_{3,} \S.* _{3,}$/.test(line) || /^=+ .* =+$/.test(line)) return true;
  if (/^(not )?ok \d+/.test(line) && !line.startsWith(title)) return true;
  if (/^---- \S+ stdout ----$/.test(line) || /^failures:$/.test(line) || /^test result:/.test(line)) return true;
  if (/^\s*⎯{3,}/.test(line) || /^\s*(Test Files|Tests|Test Suites):?\s+\d+ /.test(line)) return true; // vitest / jest totals
  if (/^\s*--- (FAIL|PASS): /.test(line) || /^(FAIL|ok)\s+\S+\s+[\d.]+s$/.test(line)) return true;
  if (/^={20,}$/.test(line) || /^Ran \d+ tests? in /.test(line)) return true; // unittest's next block, its totals
  return false;
}

export function summarizeFailure(output: string): FailureSummary {
  const lines = output.replace(ANSI, '').replace(/\r\n?/g, '\n').split('\n');
  const summary: string[] = [];
  for (const l of lines) {
    if (SUMMARY.some((re) => re.test(l)) && !summary.includes(l.trim())) summary.push(l.trim());
  }
  // A long run repeats per-file summaries: the last few are the totals.
  const kept = summary.length > 6 ? summary.slice(-6) : summary;
  let first: string[] = [];
  let at = -1;
  for (const re of FIRST) {
    const i = lines.findIndex((l) => re.test(l));
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  const failing = lines.findIndex((l) => MOCHA_FAILING.test(l));
  if (failing !== -1) {
    const i = lines.findIndex((l, j) => j > failing && MOCHA_FIRST.test(l));
    if (i !== -1 && (at === -1 || i < at || at < failing)) at = i;
  }
  if (at !== -1) {
    const title = lines[at]!;
    first = [title];
    for (let i = at + 1; i < lines.length && first.length <= BLOCK_LINES; i++) {
      const l = lines[i]!;
      if (endsBlock(l, title)) break;
      first.push(l);
    }
    while (first.length > 1 && /^(\s*|-{20,})$/.test(first[first.length - 1]!)) first.pop();
  }
  return { summary: kept, first_failure: first };
}

/** The last `n` non-empty lines of the output: what a gate was doing when it was stopped. */
export function lastLines(output: string, n = 10): string[] {
  const lines = output
    .replace(ANSI, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.slice(-n);
}
