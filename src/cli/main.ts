/**
 * The `lanes` entry. The MCP server is what Claude Code starts for every session, so a bare
 * `lanes mcp` loads only the server: the CLI program (commander and every command module, with the
 * core they import) is a dynamic import that this path never takes. A static import here would be
 * loaded whichever branch runs. `lanes mcp --repo <dir>` goes through the CLI, which checks it.
 */
import { restoreLaunchEnv } from '../system/launch-env.js';

// The plugin's .mcp.json starts the server through hooks/launch.sh (docs/performance.md).
restoreLaunchEnv();
if (process.argv[2] === 'mcp' && process.argv.length === 3) {
  const { serveMcpStdio } = await import('../mcp/stdio.js');
  await serveMcpStdio();
} else {
  const { runProgram } = await import('./program.js');
  await runProgram(process.argv);
}
