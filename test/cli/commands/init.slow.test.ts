import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config/load.js';
import { lanes } from '../../helpers/cli.js';
import { makeRepo } from '../../helpers/repo.js';

const files = { 'package.json': JSON.stringify({ scripts: { test: 'vitest run' } }), 'package-lock.json': '{}', '.gitignore': '.env\n' };

describe('lanes init', () => {
  it('on a non-terminal without --yes shows what it would write, writes nothing and exits non-zero with a hint', async () => {
    const repo = makeRepo({ files });
    const r = await lanes(repo.dir, ['init']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/"run",\s*"test"/);
    expect(r.stdout).toContain('.lanes/config.json');
    expect(r.stderr).toMatch(/lanes init --yes/);
    expect(fs.existsSync(path.join(repo.dir, '.lanes'))).toBe(false);
    repo.cleanup();
  });

  it('--yes writes a config the loader accepts, with a $schema that resolves, and .worktreeinclude for .env files', async () => {
    const repo = makeRepo({ files });
    fs.writeFileSync(path.join(repo.dir, '.env'), 'SECRET=1\n');
    const r = await lanes(repo.dir, ['init', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const config = JSON.parse(fs.readFileSync(path.join(repo.dir, '.lanes', 'config.json'), 'utf8'));
    expect(config.gates).toEqual([{ name: 'test', command: ['npm', 'run', 'test'] }]);
    expect(config.setup).toEqual([{ name: 'deps', command: ['npm', 'ci'], when_changed: ['package.json', 'package-lock.json'] }]);
    const schema = path.resolve(repo.dir, '.lanes', config.$schema);
    expect(JSON.parse(fs.readFileSync(schema, 'utf8')).$schema).toMatch(/json-schema/);
    const loaded = await loadConfig(repo.dir);
    expect(loaded.gates.map((g) => g.name)).toEqual(['test']);
    expect(fs.readFileSync(path.join(repo.dir, '.worktreeinclude'), 'utf8')).toMatch(/^\.env$/m);
    repo.cleanup();
  });

  it('never overwrites an existing config without --force', async () => {
    const repo = makeRepo({ files });
    fs.mkdirSync(path.join(repo.dir, '.lanes'));
    fs.writeFileSync(path.join(repo.dir, '.lanes', 'config.json'), '{ "max_parallel": 2 }\n');
    const r = await lanes(repo.dir, ['init', '--yes']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--force/);
    expect(fs.readFileSync(path.join(repo.dir, '.lanes', 'config.json'), 'utf8')).toBe('{ "max_parallel": 2 }\n');
    const f = await lanes(repo.dir, ['init', '--yes', '--force']);
    expect(f.code, f.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(repo.dir, '.lanes', 'config.json'), 'utf8')).gates).toHaveLength(1);
    repo.cleanup();
  });
});
