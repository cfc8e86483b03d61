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
} from "./chunk-V3OS6LIP.mjs";
import "./chunk-KGMTQYBH.mjs";
import "./chunk-YIOGP5OK.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-BLGZ45JF.mjs";
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
