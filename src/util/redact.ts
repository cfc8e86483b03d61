/**
 * Masks secret-shaped strings before text is written to a session log or returned as gate output
 * (docs/safety.md rule 20). Two kinds of rule:
 *
 * - Token shapes that are secrets wherever they appear (PEM private keys, AWS key ids, GitHub,
 *   Anthropic, OpenAI, Slack, Stripe, npm and Google tokens, JWTs, passwords in URLs,
 *   Authorization headers). These are replaced whole: `[REDACTED:<kind>]`.
 * - Values after key-like names (`password=`, `token:`, `"api_key": "..."`, `GITHUB_TOKEN=...`).
 *   The name is kept and only the value masked. These are heuristics, tuned so ordinary code
 *   (`const tokenCount = 5`, `token: string`, `const token = await getToken()`, `maxTokens = 4096`)
 *   is left alone: a value must look like a literal, not like a type, a call or a reference.
 *
 * Every pattern has bounded repetition before its anchors, so a megabyte of gate output costs
 * linear time. `redact` is idempotent: masks never match a pattern themselves.
 */

export const REDACTED = '[REDACTED]';
const mask = (kind: string) => `[REDACTED:${kind}]`;

interface TokenRule {
  kind: string;
  re: RegExp;
  /** Return false to keep the match (a shape that is not a secret after all). */
  accept?: (m: string) => boolean;
}

const hasLetterAndDigit = (s: string) => /[A-Za-z]/.test(s) && /\d/.test(s);

/** Whole-token rules, applied first and in this order. */
const TOKEN_RULES: TokenRule[] = [
  // A whole PEM private key block (RSA, EC, OPENSSH, ENCRYPTED, plain PKCS#8); a block cut off by
  // an output cap is masked to the end of the text.
  {
    kind: 'private-key',
    re: /-----BEGIN ([A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ ){0,3}PRIVATE KEY( BLOCK)?-----|$)/g,
  },
  { kind: 'anthropic-key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}/g },
  { kind: 'openai-key', re: /\bsk-(?:proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g, accept: (m) => hasLetterAndDigit(m.slice(3)) },
  { kind: 'github-token', re: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,255}\b/g },
  { kind: 'github-token', re: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { kind: 'aws-access-key', re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b/g },
  { kind: 'slack-token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'slack-token', re: /\bxapp-\d-[A-Za-z0-9-]{10,250}/g },
  { kind: 'slack-webhook', re: /https:\/\/hooks\.slack\.com\/(?:services|workflows)\/[A-Za-z0-9_/-]{10,300}/g },
  { kind: 'stripe-key', re: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,250}\b/g },
  { kind: 'npm-token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'google-api-key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'jwt', re: /\beyJ[A-Za-z0-9_-]{8,4000}\.eyJ[A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,4000}/g },
];

// Names whose value is a secret whatever it looks like (as long as it looks like a literal).
const STRONG = String.raw`(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|client[_-]?secret|credentials?|auth)`;
// Names whose value is a secret only when it is long and random (hex, base64): `signing_key`, `salt`.
const WEAK = String.raw`(?:key|signature|salt|cookie)`;
// A key name ending in one of the above (then an optional plural s), at most 60 characters long,
// optionally quoted (JSON, YAML), followed by `=` or `:` but not `==`, `=>`, `::`.
const ASSIGN = new RegExp(
  String.raw`(?<![A-Za-z0-9_.-])(["']?)([A-Za-z0-9_.-]{0,60}?(${STRONG}|${WEAK})s?)\1(\s*)([:=])(?![=>:])(\s*)` +
    String.raw`(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'\x60,;)}\]]+))`,
  'gi',
);
// `Authorization: Bearer xyz`, `authorization=token xyz`, `-H "Authorization: Basic ..."`.
const AUTH_HEADER = /\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)((?:bearer|basic|token|digest|apikey)\s+)?([^\s"',;]{6,4000})/gi;
// A bare bearer token anywhere else.
const BEARER = /\b(bearer\s+)([A-Za-z0-9._~+/=-]{16,4000})/gi;
// `scheme://user:password@host`.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:@/]{1,200}:)([^\s@/]{1,400})(@)/gi;
// "the api key is 3f9a..." / "secret: <40 hex>" in prose: a long random token right after a key word.
const PROSE = new RegExp(String.raw`\b(${STRONG}|${WEAK})(s?\b[ \t]+(?:is[ \t]+|was[ \t]+)?)([A-Za-z0-9+/=_-]{20,4000})`, 'gi');

/** Words after `name:` that make it a type annotation or a code value, not a secret. */
const CODE_WORDS = new Set([
  'string',
  'number',
  'boolean',
  'bigint',
  'symbol',
  'object',
  'any',
  'unknown',
  'never',
  'void',
  'undefined',
  'null',
  'none',
  'nil',
  'true',
  'false',
  'yes',
  'no',
  'await',
  'new',
  'typeof',
  'function',
  'async',
  'required',
  'optional',
  'redacted',
  'secret',
  'token',
  'password',
  'str',
  'int',
  'bool',
]);

/** Bits of Shannon entropy per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Long, random-looking hex or base64: what an API key or signing secret looks like. */
export function looksRandom(s: string): boolean {
  if (s.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(s) || !hasLetterAndDigit(s)) return false;
  const isHex = /^[0-9a-fA-F]+$/.test(s);
  return entropy(s) >= (isHex ? 3.0 : 3.5);
}

/** Whether an unquoted value after a key-like name looks like a literal secret rather than code. */
function unquotedIsSecret(value: string, spaced: boolean, sep: string): boolean {
  if (value.length < 4) return false;
  if (value.startsWith('$') || value.startsWith('{') || value.startsWith('<') || value.startsWith('%')) return false; // $VAR, ${VAR}, {{ tpl }}, <placeholder>
  if (/[()[\]]/.test(value)) return false; // a call or an index: code
  if (CODE_WORDS.has(value.toLowerCase().replace(/[?!|&]+$/, ''))) return false;
  if (/^[A-Za-z_$][\w$]*(\??\.[A-Za-z_$][\w$]*)+$/.test(value)) return false; // process.env.X, this.token, cfg.api.key
  if (sep === '=' && !spaced) return true; // env files, query strings, CLI flags: KEY=value
  // `name: value` / `name = value` in prose or code: a bare word is a type or an identifier.
  if (/^[A-Za-z_$][\w$]*[,;]?$/.test(value)) return /\d/.test(value) || (value.length >= 16 && !/^[A-Z][a-z]/.test(value));
  return true;
}

function isMask(v: string): boolean {
  return v.startsWith('[REDACTED');
}

/** Masks every secret-shaped string in `text`. */
export function redact(text: string): string {
  if (!text) return text;
  let out = text;
  for (const rule of TOKEN_RULES) {
    out = out.replace(rule.re, (m) => (rule.accept && !rule.accept(m) ? m : mask(rule.kind)));
  }
  out = out.replace(URL_PASSWORD, (_m, pre: string, _pw: string, at: string) => `${pre}${REDACTED}${at}`);
  out = out.replace(AUTH_HEADER, (m, pre: string, scheme: string | undefined, value: string) => {
    if (isMask(value)) return m;
    // Without a scheme, `authorization: string` is more likely a type than a credential.
    if (!scheme && !(hasLetterAndDigit(value) || value.length >= 20)) return m;
    return `${pre}${scheme ?? ''}${REDACTED}`;
  });
  out = out.replace(BEARER, (m, pre: string, value: string) => (isMask(value) || !hasLetterAndDigit(value) ? m : `${pre}${REDACTED}`));
  out = out.replace(
    ASSIGN,
    (m, q: string, name: string, word: string, sp1: string, sep: string, sp2: string, dq?: string, sq?: string, bare?: string) => {
      const weak = new RegExp(`^${WEAK}$`, 'i').test(word);
      const head = `${q}${name}${q}${sp1}${sep}${sp2}`;
      if (dq !== undefined || sq !== undefined) {
        const v = (dq ?? sq)!;
        const quote = dq !== undefined ? '"' : "'";
        if (v.length < 4 || isMask(v) || v.startsWith('${') || (weak && !looksRandom(v))) return m;
        if (!weak && /^\d{1,11}$/.test(v) && !/pass/i.test(word)) return m; // "max_tokens": "4096"
        return `${head}${quote}${REDACTED}${quote}`;
      }
      const v = bare ?? '';
      if (isMask(v)) return m;
      // Trailing punctuation (`token=abc123,` in prose) is kept outside the mask.
      const trail = /[.,;:!?]+$/.exec(v)?.[0] ?? '';
      const core = trail ? v.slice(0, -trail.length) : v;
      if (weak) return looksRandom(core) ? `${head}${REDACTED}${trail}` : m;
      if (/^\d{1,11}$/.test(core) && !/pass/i.test(word)) return m; // maxTokens = 4096
      return unquotedIsSecret(core, sp1.length > 0 || sp2.length > 0, sep) ? `${head}${REDACTED}${trail}` : m;
    },
  );
  out = out.replace(PROSE, (m, _w: string, _sp: string, value: string) =>
    looksRandom(value) ? m.slice(0, m.length - value.length) + REDACTED : m,
  );
  return out;
}

/** Redacts every string in a JSON-like value (object keys are kept). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
