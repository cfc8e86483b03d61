import type { Command } from 'commander';
import { action } from '../run.js';

export function registerMcp(program: Command): void {
  program
    .command('mcp')
    .description('run the MCP server on stdio (what Claude Code starts)')
    .option(
      '--repo <dir>',
      "the repository to work on, for clients that start the server elsewhere (default: the client's first root that is a git repository, else the current directory)",
    )
    .action(
      action(async (o: { repo?: string }) => {
        const { serveMcpStdio } = await import('../../mcp/stdio.js');
        await serveMcpStdio(o.repo !== undefined ? { repo: o.repo } : {});
      }),
    );
}
