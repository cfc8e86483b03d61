// Every test (and every child process it spawns) runs git in an isolated environment:
// no user or system config, a fixed identity, a throwaway HOME. See docs/safety.md "Testing them".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lanes-home-'));
fs.writeFileSync(path.join(home, '.gitconfig'), '');
Object.assign(process.env, {
  HOME: home,
  GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Lanes Test',
  GIT_AUTHOR_EMAIL: 'test@lanes.invalid',
  GIT_COMMITTER_NAME: 'Lanes Test',
  GIT_COMMITTER_EMAIL: 'test@lanes.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  LANES_LOG: process.env.LANES_LOG ?? 'silent',
});
delete process.env.LANES_FAILPOINT;
delete process.env.CLAUDE_PROJECT_DIR;
