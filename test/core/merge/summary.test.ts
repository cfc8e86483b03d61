import { describe, expect, it } from 'vitest';
import { lastLines, summarizeFailure } from '../../../src/core/merge/summary.js';

// Realistic outputs of the common runners (shapes copied from their real reporters).
const MOCHA = `
> express@4.21.2 test
> mocha --require test/support/env --reporter spec --bail --check-leaks test/ test/acceptance/

  app
    ✓ should map a template engine
    1) should throw when the callback is missing

  res
    .send(body)
      ✓ should send <p>hey</p>
      2) should set ETag

  55 passing (2s)
  2 failing

  1) app
       .engine(ext, fn)
         should throw when the callback is missing:
     AssertionError [ERR_ASSERTION]: Missing expected exception.
      at Context.<anonymous> (test/app.engine.js:22:12)
      at process.processImmediate (node:internal/timers:483:21)

  2) res
       .send(body)
         should set ETag:
     Error: expected "ETag" header field
      at Test._assertHeader (node_modules/supertest/lib/test.js:249:12)
`;

const JEST = `
 FAIL  src/sum.test.js
  ● math › adds two numbers

    expect(received).toBe(expected) // Object.is equality

    Expected: 4
    Received: 5

      3 | test('adds two numbers', () => {
    > 4 |   expect(sum(2, 2)).toBe(4);
        |                     ^

      at Object.toBe (src/sum.test.js:4:21)

  ● math › subtracts

    expect(received).toBe(expected)

Test Suites: 1 failed, 2 passed, 3 total
Tests:       2 failed, 12 passed, 14 total
Snapshots:   0 total
Time:        1.234 s
Ran all test suites.
`;

const PYTEST = `
============================= test session starts ==============================
platform linux -- Python 3.11.2, pytest-8.3.3, pluggy-1.5.0
collected 4 items

tests/test_x.py .F.F                                                     [100%]

=================================== FAILURES ===================================
__________________________________ test_y ______________________________________

    def test_y():
>       assert inc(3) == 5
E       assert 4 == 5
E        +  where 4 = inc(3)

tests/test_x.py:7: AssertionError
__________________________________ test_z ______________________________________

    def test_z():
>       assert False
E       assert False
=========================== short test summary info ============================
FAILED tests/test_x.py::test_y - assert 4 == 5
FAILED tests/test_x.py::test_z - assert False
========================= 2 failed, 2 passed in 0.12s ==========================
`;

const NODE_TAP = `TAP version 13
# Subtest: parses
ok 1 - parses
  ---
  duration_ms: 1.2
  ...
# Subtest: rejects bad input
not ok 2 - rejects bad input
  ---
  duration_ms: 0.9
  failureType: 'testCodeFailure'
  error: 'Expected values to be strictly equal:\\n\\n1 !== 2\\n'
  code: 'ERR_ASSERTION'
  ...
1..2
# tests 2
# suites 0
# pass 1
# fail 1
# cancelled 0
`;

const CARGO = `
running 2 tests
test tests::it_works ... ok
test tests::it_fails ... FAILED

failures:

---- tests::it_fails stdout ----
thread 'tests::it_fails' panicked at src/lib.rs:12:9:
assertion \`left == right\` failed
  left: 4
 right: 5
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace


failures:
    tests::it_fails

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
`;

const GO = `=== RUN   TestAdd
--- PASS: TestAdd (0.00s)
=== RUN   TestSub
    sub_test.go:12: Sub(3, 1) = 1, want 2
--- FAIL: TestSub (0.00s)
FAIL
FAIL\texample.com/calc\t0.003s
FAIL
`;

const VITEST = `
 RUN  v4.1.12 /tmp/lanes-0/zod-b27c82ea9c/main-0d6e4079

 ❯ src/v4/classic/tests/string.test.ts (56 tests | 1 failed) 1545ms
     × email validations 12ms
 ✓ src/v4/classic/tests/object.test.ts (91 tests) 216ms

⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

 FAIL  src/v4/classic/tests/string.test.ts > email validations
AssertionError: expected false to be true // Object.is equality
 ❯ src/v4/classic/tests/string.test.ts:243:5

⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯


 Test Files  1 failed | 4 passed (5)
      Tests  1 failed | 210 passed (211)
   Start at  20:25:51
   Duration  9.90s
`;

// python -m unittest (colorama's suite with one failing test added), as it prints to stderr.
const UNITTEST = `..........................Fssssssssss........sss....E
======================================================================
FAIL: testFails (colorama.tests.broken_test.BrokenTest.testFails)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/tmp/colorama/colorama/tests/broken_test.py", line 5, in testFails
    self.assertEqual(1, 2)
AssertionError: 1 != 2

======================================================================
ERROR: testOther (colorama.tests.other_test.OtherTest.testOther)
----------------------------------------------------------------------
Traceback (most recent call last):
NameError: name 'x' is not defined

----------------------------------------------------------------------
Ran 53 tests in 0.045s

FAILED (failures=1, errors=1, skipped=14)
`;

describe('summarizeFailure on real runner output', () => {
  it('Python unittest: the count and the verdict, the first FAIL: block up to the next one', () => {
    const s = summarizeFailure(UNITTEST);
    expect(s.summary).toEqual(['Ran 53 tests in 0.045s', 'FAILED (failures=1, errors=1, skipped=14)']);
    expect(s.first_failure[0]).toBe('FAIL: testFails (colorama.tests.broken_test.BrokenTest.testFails)');
    expect(s.first_failure.at(-1)).toBe('AssertionError: 1 != 2');
    expect(s.first_failure.join('\n')).not.toContain('testOther');
  });

  it('vitest: Test Files and Tests lines, the first FAIL file > test block, ending at the separator', () => {
    const s = summarizeFailure(VITEST);
    expect(s.summary).toEqual(['Test Files  1 failed | 4 passed (5)', 'Tests  1 failed | 210 passed (211)']);
    expect(s.first_failure[0]).toBe(' FAIL  src/v4/classic/tests/string.test.ts > email validations');
    expect(s.first_failure.join('\n')).toContain('AssertionError: expected false to be true');
    expect(s.first_failure.join('\n')).not.toMatch(/⎯|Test Files/);
  });

  it('mocha: the passing/failing counts and the first numbered failure', () => {
    const s = summarizeFailure(MOCHA);
    expect(s.summary).toEqual(['55 passing (2s)', '2 failing']);
    expect(s.first_failure[0]).toBe('  1) app');
    expect(s.first_failure.join('\n')).toContain('Missing expected exception');
    expect(s.first_failure.join('\n')).not.toContain('should set ETag');
  });

  it('mocha: the inline "1) test" in the spec list is not mistaken for the block', () => {
    // Mocha numbers failing tests in its spec list too: the block comes after "N failing".
    const s = summarizeFailure(MOCHA);
    expect(s.first_failure).not.toContain('    1) should throw when the callback is missing');
  });

  it('jest: Tests and Test Suites lines and the first ● block', () => {
    const s = summarizeFailure(JEST);
    expect(s.summary).toEqual(['Test Suites: 1 failed, 2 passed, 3 total', 'Tests:       2 failed, 12 passed, 14 total']);
    expect(s.first_failure[0]).toBe('  ● math › adds two numbers');
    expect(s.first_failure.join('\n')).toContain('Received: 5');
    expect(s.first_failure.join('\n')).not.toContain('subtracts');
  });

  it('pytest: FAILED lines and the totals line, the first ___ test ___ block', () => {
    const s = summarizeFailure(PYTEST);
    expect(s.summary).toContain('FAILED tests/test_x.py::test_y - assert 4 == 5');
    expect(s.summary.at(-1)).toMatch(/2 failed, 2 passed in 0.12s/);
    expect(s.first_failure[0]).toMatch(/^_+ test_y _+$/);
    expect(s.first_failure.join('\n')).toContain('E       assert 4 == 5');
    expect(s.first_failure.join('\n')).not.toContain('test_z');
  });

  it('node:test (TAP): # fail N and the first not ok with its YAML', () => {
    const s = summarizeFailure(NODE_TAP);
    expect(s.summary).toEqual(['# tests 2', '# pass 1', '# fail 1']);
    expect(s.first_failure[0]).toBe('not ok 2 - rejects bad input');
    expect(s.first_failure.join('\n')).toContain('ERR_ASSERTION');
  });

  it('cargo: test result and the first ---- stdout ---- block', () => {
    const s = summarizeFailure(CARGO);
    expect(s.summary).toEqual(['test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s']);
    expect(s.first_failure[0]).toBe('---- tests::it_fails stdout ----');
    expect(s.first_failure.join('\n')).toContain('left: 4');
  });

  it('go test: the FAIL package line and the first --- FAIL', () => {
    const s = summarizeFailure(GO);
    expect(s.summary).toEqual(['FAIL\texample.com/calc\t0.003s']);
    expect(s.first_failure[0]).toBe('--- FAIL: TestSub (0.00s)');
  });

  it('strips terminal colours and finds nothing in output without a runner', () => {
    const s = summarizeFailure('\x1b[31m  3 failing\x1b[0m\n');
    expect(s.summary).toEqual(['3 failing']);
    expect(summarizeFailure('make: *** [all] Error 2\n')).toEqual({ summary: [], first_failure: [] });
  });

  it('lastLines: the last non-empty lines', () => {
    expect(lastLines('a\n\nb\nc\n\n', 2)).toEqual(['b', 'c']);
  });
});
