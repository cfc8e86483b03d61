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
} from "./chunk-NT4PVPJ4.mjs";
import "./chunk-6O67LTXW.mjs";
import "./chunk-OWP5CTNR.mjs";
import "./chunk-SS6J233Q.mjs";
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
