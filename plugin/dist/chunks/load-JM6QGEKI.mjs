#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
} from "./chunk-EBQ6BYEB.mjs";
import "./chunk-TNE6FGIO.mjs";
import "./chunk-YZJAPDEG.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  resolveTarget
};
