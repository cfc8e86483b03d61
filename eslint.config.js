// Lint: the layer rules (entry points -> core -> adapters) as import restrictions, no console
// output outside the logger (stdout belongs to the protocol), and typescript-eslint's recommended set.
import tseslint from 'typescript-eslint';

const entry = ['**/cli/**', '**/mcp/**', '**/hooks/**'];
const presentation = ['**/render/**', '**/dashboard/**'];
const core = ['**/core/**'];
const layer = (group, message) => ({ group, message });
const coreLayers = [
  layer(
    [...entry, ...presentation],
    'core/ is the domain: it knows nothing of the CLI, MCP, hooks or renderings. Return data; let the entry point render it.',
  ),
  layer(['@modelcontextprotocol/*'], 'core/ must not depend on the MCP SDK.'),
];

export default tseslint.config(
  { ignores: ['dist/**', 'plugin/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-control-regex': 'error',
    },
  },
  {
    // Tests parse JSON answers and poke at internals: `any` is allowed there.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='console']",
          message:
            'stdout belongs to the protocol (MCP JSON-RPC, hook JSON): log through src/util/log.ts, which writes to stderr; the CLI prints with process.stdout.write.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...coreLayers,
            layer(['**/git/exec.js'], 'core/ runs git through a named function of src/git/ (add one there), never raw argv.'),
            layer(
              ['node:child_process', 'child_process', 'execa'],
              'core/ starts processes through src/system/ (process-group.ts, command.ts), which reaps their process groups.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/git/**/*.ts', 'src/state/**/*.ts', 'src/system/**/*.ts', 'src/util/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer([...entry, ...presentation, ...core], 'Adapters sit below core: they must not import core, renderings or entry points.'),
            layer(['@modelcontextprotocol/*'], 'Adapters must not depend on the MCP SDK.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts', 'src/dashboard/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(entry, 'Renderings are used by the entry points, never the other way round.')] },
      ],
    },
  },
  {
    files: ['src/hooks/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['zod', 'zod/*', '@modelcontextprotocol/*'],
              'Hooks run on every tool call: keep zod and the MCP SDK out of the hook bundles.',
            ),
            layer(
              ['**/cli/**', '**/mcp/**'],
              'Hooks are an entry point of their own: share code through core, not through another entry point.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(['**/hooks/**'], 'Share code through core, not through another entry point.')] },
      ],
    },
  },
  {
    files: ['src/mcp/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer(['**/hooks/**', '**/cli/**'], 'Share code through core, not through another entry point.')] },
      ],
    },
  },
);
