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
} from "./chunk-647VBPID.mjs";
import "./chunk-A2ILM7TV.mjs";
import "./chunk-VDVTRPRZ.mjs";
import "./chunk-2KXZDJML.mjs";
import "./chunk-IKZ4EBL2.mjs";
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
