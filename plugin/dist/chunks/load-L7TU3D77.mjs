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
} from "./chunk-PMGQEM7T.mjs";
import "./chunk-6O67LTXW.mjs";
import "./chunk-5UKSA74M.mjs";
import "./chunk-FHLUE5MY.mjs";
import "./chunk-V47YI7EL.mjs";
import "./chunk-DAS6JYMY.mjs";
import "./chunk-EVZWTNHO.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
};
