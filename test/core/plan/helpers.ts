// Shared by the planner's tests.
import { expect } from 'vitest';
import { LanesError } from '../../../src/errors.js';

/** The INVALID_INPUT LanesError `fn` throws, checked to carry a hint; fails when it throws none. */
export function errorOf(fn: () => unknown): LanesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LanesError);
    expect((e as LanesError).code).toBe('INVALID_INPUT');
    expect((e as LanesError).hint).toBeTruthy();
    return e as LanesError;
  }
  throw new Error('expected an error');
}
