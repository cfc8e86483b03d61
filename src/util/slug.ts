/**
 * Agent input becomes a strict slug before it touches a path or a ref (docs/safety.md rule 15).
 */
import { LanesError } from '../errors.js';

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const SLUG_RULE = 'lowercase letters, digits and hyphens, starting with a letter or digit, at most 63 characters';

export function isSlug(s: unknown): s is string {
  return typeof s === 'string' && SLUG_RE.test(s);
}

export function assertSlug(s: unknown, what = 'task id'): string {
  if (isSlug(s)) return s;
  const shown = typeof s === 'string' ? JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s) : String(s);
  throw new LanesError('INVALID_INPUT', `Invalid ${what} ${shown}: use ${SLUG_RULE} (for example "api-auth").`);
}

/** Turns a free-text title into a slug (for ROADMAP sections and suggestions). */
export function slugify(text: string, max = 63): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'task';
}
