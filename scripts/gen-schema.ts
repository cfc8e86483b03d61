/**
 * Writes schemas/config.schema.json from the zod schema in src/core/config.ts, so editors can
 * complete and check .lanes/config.json. Deterministic (2-space JSON + newline); a test fails when
 * the committed file is stale. Run from the repository root:
 *
 *   npx esbuild scripts/gen-schema.ts --bundle --platform=node --format=esm --outfile=/tmp/gen-schema.mjs
 *   node /tmp/gen-schema.mjs           # write it
 *   node /tmp/gen-schema.mjs --check   # exit 1 if the committed file is stale
 */
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_SCHEMA_FILE } from '../src/core/config/schema.js';
import { configJsonSchemaText } from '../src/core/config/load.js';

const file = path.resolve(process.cwd(), CONFIG_SCHEMA_FILE);
const text = configJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`${CONFIG_SCHEMA_FILE} is stale: regenerate it with scripts/gen-schema.ts\n`);
    process.exit(1);
  }
  process.stderr.write(`${CONFIG_SCHEMA_FILE} is up to date\n`);
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  process.stderr.write(`wrote ${CONFIG_SCHEMA_FILE} (${text.length} bytes)\n`);
}
