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
} from "./chunk-UJMFHHQ7.mjs";
import "./chunk-MVOY7Z6C.mjs";
import "./chunk-BRWXEBZ3.mjs";
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
