/**
 * The plugin as the real client sees it (no API key, no network): the manifest, hooks, MCP server,
 * skills and agent validate strictly; the repository installs as a local marketplace; and the
 * bundled MCP server connects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/repo.js';
import { CLAUDE_VERSION, claude, claudeHome, marketplaceDir, pluginDir, treeBytes } from './helpers.js';

describe('the Lanes plugin in the real client', () => {
  it(`runs the pinned client (${CLAUDE_VERSION})`, async () => {
    const { env } = claudeHome();
    const r = await claude(['--version'], { env });
    expect(r.stdout).toContain(CLAUDE_VERSION);
  });

  it('passes claude plugin validate --strict and lists what it provides', async () => {
    const { env } = claudeHome();
    const r = await claude(['plugin', 'validate', pluginDir(), '--strict'], { env });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Validation passed');
    const json = JSON.parse((await claude(['plugin', 'validate', pluginDir(), '--strict', '--json'], { env })).stdout);
    const provides = json.provides;
    expect(provides.hooks.map((h: any) => h.event).sort()).toEqual(
      ['PreToolUse', 'SessionEnd', 'SessionStart', 'Stop', 'SubagentStop', 'WorktreeCreate', 'WorktreeRemove'].sort(),
    );
    expect(provides.hooks.find((h: any) => h.event === 'PreToolUse').matcher).toBe('Edit|Write|MultiEdit|NotebookEdit');
    expect(JSON.stringify(provides.mcpServers)).toContain('lanes');
    expect(JSON.stringify(provides.skills)).toContain('lanes:parallel');
    expect(JSON.stringify(provides.skills)).toContain('lanes:lane-worker');
    expect(JSON.stringify(provides.agents)).toContain('lanes:lane-worker');
    // Every hook is the launcher in the plugin, naming a hook bundle that exists in the plugin.
    for (const h of provides.hooks) {
      const [launcher, name] = h.args as string[];
      const file = launcher!.replace('${CLAUDE_PLUGIN_ROOT}', pluginDir());
      expect(fs.existsSync(file), file).toBe(true);
      expect(fs.existsSync(path.join(path.dirname(file), '..', 'dist', `${name}.mjs`)), name).toBe(true);
    }
  });

  it('installs from the repository as a local marketplace, small: the plugin folder and nothing else', async () => {
    const { env, configDir } = claudeHome();
    const add = await claude(['plugin', 'marketplace', 'add', marketplaceDir()], { env });
    expect(add.code, add.stdout + add.stderr).toBe(0);
    const install = await claude(['plugin', 'install', 'lanes@lanes'], { env });
    expect(install.code, install.stdout + install.stderr).toBe(0);
    const list = await claude(['plugin', 'list', '--json'], { env });
    const plugins = JSON.parse(list.stdout);
    const lanes = (Array.isArray(plugins) ? plugins : plugins.plugins ?? []).find((p: any) => String(p.id ?? p.name).startsWith('lanes'));
    expect(lanes, list.stdout).toBeTruthy();
    expect(lanes.enabled ?? true).toBe(true);
    expect(fs.existsSync(path.join(configDir, 'plugins'))).toBe(true);
    // What the install wrote: the plugin's copy in the cache (no node_modules, no checkout).
    const installed = String(lanes.installPath ?? '');
    expect(installed, list.stdout).not.toBe('');
    expect(fs.existsSync(path.join(installed, 'dist', 'lanes.mjs')), installed).toBe(true);
    expect(fs.existsSync(path.join(installed, 'node_modules'))).toBe(false);
    const bytes = treeBytes(path.join(configDir, 'plugins'));
    expect(bytes, `${(bytes / 1e6).toFixed(1)} MB under ${configDir}/plugins`).toBeLessThan(5 * 1024 * 1024);
    // Installed, its MCP server runs without --plugin-dir.
    const repo = makeRepo();
    const mcp = await claude(['mcp', 'list'], { env, cwd: repo.dir });
    expect(mcp.stdout).toMatch(/plugin:lanes:lanes: .*Connected/);
    repo.cleanup();
  });

  it('starts the bundled MCP server: mcp list shows it Connected', async () => {
    const repo = makeRepo();
    const { env } = claudeHome();
    const r = await claude(['--plugin-dir', pluginDir(), 'mcp', 'list'], { env, cwd: repo.dir });
    expect(r.stdout).toMatch(/plugin:lanes:lanes: .*Connected/);
    repo.cleanup();
  });
});
