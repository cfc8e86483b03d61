import type { Command } from 'commander';
import { action } from '../run.js';

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('run the MCP server on stdio (what Claude Code starts)')
    .action(
      action(async () => {
        const { serveMcpStdio } = await import('../../mcp/stdio.js');
        await serveMcpStdio();
      }),
    );
}
