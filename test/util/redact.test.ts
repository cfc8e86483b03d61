import { describe, expect, it } from 'vitest';
import { redact, redactDeep, looksRandom } from '../../src/util/redact.js';

// Built at run time so this file itself holds nothing a secret scanner would flag.
const j = (...parts: string[]) => parts.join('');
const GH = j('ghp_', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8');
const GHO = j('gho_', '16C7e42F292c6912E7710c838347Ae178B4a');
const GH_PAT = j('github_pat_', '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH');
const AWS = j('AKIA', 'IOSFODNN7EXAMPLE');
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const ANT = j('sk-ant-', 'api03-', 'AbCdEf0123456789_ghIJklMNopQRstuvWXyz-0123456789abcd');
const OAI = j('sk-', 'proj-', 'Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56');
const OAI_OLD = j('sk-', 'Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34');
const SLACK = j('xoxb-', '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx');
const JWT = j(
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  '.',
  'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0',
  '.',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
);
const PEM = [
  j('-----BEGIN RSA ', 'PRIVATE KEY-----'),
  'MIIEowIBAAKCAQEAv0aGx1m0n1E2d3b4c5d6e7f8g9h0i1j2k3l4m5n6o7p8q9r0',
  'c2VjcmV0IGtleSBtYXRlcmlhbCBnb2VzIGhlcmU=',
  j('-----END RSA ', 'PRIVATE KEY-----'),
].join('\n');

describe('redact', () => {
  const cases: Array<[string, string, string]> = [
    ['GitHub classic token', `export GH=${GH}`, GH],
    ['GitHub OAuth token', `token ${GHO} used`, GHO],
    ['GitHub fine-grained PAT', `pat: ${GH_PAT}`, GH_PAT],
    ['AWS access key id', `aws key ${AWS} here`, AWS],
    ['AWS secret after its name', `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`, AWS_SECRET],
    ['Anthropic key', `ANTHROPIC_API_KEY="${ANT}"`, ANT],
    ['OpenAI project key', `using ${OAI} now`, OAI],
    ['OpenAI legacy key', `key=${OAI_OLD}`, OAI_OLD],
    ['Slack bot token', `slack: ${SLACK}`, SLACK],
    ['JWT', `Cookie: session=${JWT}`, JWT],
    ['password assignment', 'DB_PASSWORD=hunter2', 'hunter2'],
    ['password in YAML', 'password: hunter2', 'hunter2'],
    ['token in JSON', '{"access_token": "abc.def-ghi"}', 'abc.def-ghi'],
    ['secret= in a query string', 'https://x.test/cb?client_secret=s3cr3tValue&x=1', 's3cr3tValue'],
    ['api_key with spaces and quotes', "api_key = 'my-key-value'", 'my-key-value'],
    ['Bearer header', 'curl -H "Authorization: Bearer abc123def456ghi789"', 'abc123def456ghi789'],
    ['Basic header', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA=='],
    ['password in a URL', 'git clone https://bot:hunter2pw@example.com/r.git', 'hunter2pw'],
    ['hex signing key', 'signing_key=3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a', '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a'],
    ['base64 secret in prose', 'the secret is Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg', 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg'],
  ];
  for (const [name, text, secret] of cases) {
    it(`masks ${name}`, () => {
      const out = redact(text);
      expect(out).not.toContain(secret);
      expect(out).toContain('[REDACTED');
    });
  }

  it('masks a whole PEM private key block, and a block cut off by an output cap', () => {
    const out = redact(`before\n${PEM}\nafter`);
    expect(out).toBe('before\n[REDACTED:private-key]\nafter');
    const cut = redact(`log\n${PEM.slice(0, 80)}`);
    expect(cut).toBe('log\n[REDACTED:private-key]');
  });

  it('keeps the name of an assignment and masks only the value', () => {
    expect(redact('DB_PASSWORD=hunter2')).toBe('DB_PASSWORD=[REDACTED]');
    expect(redact('{"token": "abcd1234"}')).toBe('{"token": "[REDACTED]"}');
    expect(redact('Authorization: Bearer abc123def456ghi789')).toBe('Authorization: Bearer [REDACTED]');
  });

  it('leaves ordinary code and prose alone', () => {
    const code = [
      'const tokenCount = 5;',
      'let maxTokens = 4096;',
      '"max_tokens": 1024,',
      'function f(token: string, password?: string): void {}',
      'const token = await getToken();',
      'const secret = crypto.randomBytes(32);',
      'if (password === input) return;',
      'const apiKey: ApiKey = loadKey();',
      'password = process.env.DB_PASSWORD',
      'TOKEN=$GITHUB_TOKEN',
      'headers: { authorization: string }',
      'const primaryKey = "id";',
      'cacheKey: "users:42"',
      'author: Jane',
      'Rotate the token weekly; the password policy lives in docs/security.md.',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed tokenizer = new Tokenizer()',
      'sk-learn is a nickname; sk-short',
      'password: string',
      'const { token } = session;',
    ].join('\n');
    expect(redact(code)).toBe(code);
  });

  it('is idempotent and handles empty input', () => {
    const once = redact(`a ${GH} b password=hunter2 ${PEM}`);
    expect(redact(once)).toBe(once);
    expect(redact('')).toBe('');
  });

  it('redactDeep masks strings inside objects and arrays', () => {
    expect(redactDeep({ a: [`x ${GH}`], b: 1, c: { d: 'password=abcd1234' } })).toEqual({
      a: ['x [REDACTED:github-token]'],
      b: 1,
      c: { d: 'password=[REDACTED]' },
    });
  });

  it('runs in linear time on large output', () => {
    const big = `${'a-b.c_d '.repeat(50_000)}${'x'.repeat(200_000)}token${'-'.repeat(100_000)}`;
    const t = performance.now();
    redact(big);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('looksRandom tells keys from words', () => {
    expect(looksRandom('3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c')).toBe(true);
    expect(looksRandom('aaaaaaaaaaaaaaaaaaaaaaaa1')).toBe(false);
    expect(looksRandom('users-and-groups-table')).toBe(false);
  });
});
