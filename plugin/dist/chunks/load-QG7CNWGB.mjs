#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
} from "./chunk-HNNOWZCP.mjs";
import "./chunk-6O67LTXW.mjs";
import "./chunk-5ICCUVIX.mjs";
import "./chunk-ESYJGOAB.mjs";
import "./chunk-AAYR2TCU.mjs";
import "./chunk-V47YI7EL.mjs";
import "./chunk-5IGYGQZY.mjs";
import "./chunk-4CKTFQOR.mjs";
import "./chunk-DDI77WQF.mjs";
import "./chunk-OBLF3P63.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
};
