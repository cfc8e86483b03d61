// The layer rules live in eslint.config.js; this plants a violation of each and checks the linter
// reports it with the rule's own words, so a config edit cannot switch one off unnoticed.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint: the layers', () => {
  it('refuses an entry point imported from core', async () => {
    const m = await messages("import { main } from '../../cli/run.js';\nexport const x = main;\n", 'src/core/plan/x.ts');
    expect(m).toEqual([expect.stringContaining('core/ is the domain: it knows nothing of the CLI')]);
  });

  it('refuses zod in a hook', async () => {
    const m = await messages("import { z } from 'zod';\nexport const s = z.string();\n", 'src/hooks/x.ts');
    expect(m).toEqual([expect.stringContaining('Hooks run on every tool call: keep zod and the MCP SDK out')]);
  });

  it('refuses raw git argv and process spawning in core: they go through src/git and src/system', async () => {
    const git = await messages("import { git } from '../../git/exec.js';\nexport const g = git;\n", 'src/core/plan/x.ts');
    expect(git).toEqual([expect.stringContaining('core/ runs git through a named function of src/git/')]);
    const spawn = await messages("import { spawn } from 'node:child_process';\nexport const s = spawn;\n", 'src/core/run/x.ts');
    expect(spawn).toEqual([expect.stringContaining('core/ starts processes through src/system/')]);
    const execa = await messages("import { execa } from 'execa';\nexport const e = execa;\n", 'src/core/lanes/x.ts');
    expect(execa).toEqual([expect.stringContaining('core/ starts processes through src/system/')]);
    // merge/ too: it has no exemption left.
    const merge = await messages("import { git } from '../../git/exec.js';\nexport const g = git;\n", 'src/core/merge/x.ts');
    expect(merge).toEqual([expect.stringContaining('core/ runs git through a named function of src/git/')]);
  });

  it('refuses core imported from an adapter', async () => {
    const m = await messages("import { readPlan } from '../core/plan/tasks.js';\nexport const r = readPlan;\n", 'src/git/x.ts');
    expect(m).toEqual([expect.stringContaining('Adapters sit below core')]);
  });

  it('refuses console output in src', async () => {
    const m = await messages("export function f(): void {\n  console.log('hi');\n}\n", 'src/core/plan/x.ts');
    expect(m).toEqual([expect.stringContaining('stdout belongs to the protocol')]);
  });

  it('passes a clean file in each layer', async () => {
    const clean = "import { LanesError } from '../../errors.js';\nexport const e = (m: string) => new LanesError('INTERNAL', m);\n";
    expect(await messages(clean, 'src/core/plan/x.ts')).toEqual([]);
    expect(await messages("import { git } from './exec.js';\nexport const g = git;\n", 'src/git/x.ts')).toEqual([]);
  });
});
