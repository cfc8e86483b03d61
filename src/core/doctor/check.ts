/** One check of `lanes doctor`: what it found, how serious a failure is, and the fix. */
import { errorMessage, isLanesError } from '../../errors.js';

export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** 'info' for a passing check; otherwise how serious the failure is ('error' blocks Lanes). */
  level: 'error' | 'warn' | 'info';
  detail: string;
  fix?: string;
}

/** Runs a check; an unexpected exception becomes a failed check rather than escaping. */
export async function guard(name: string, f: () => Promise<DoctorCheck>): Promise<DoctorCheck> {
  try {
    return await f();
  } catch (e) {
    return failedCheck(name, errorMessage(e), e);
  }
}

/** A failed check from an exception; a LanesError's hint, when it has one, is the fix. */
export function failedCheck(name: string, detail: string, e: unknown): DoctorCheck {
  const check: DoctorCheck = { name, ok: false, level: 'error', detail };
  if (isLanesError(e) && e.hint !== undefined) check.fix = e.hint;
  return check;
}
