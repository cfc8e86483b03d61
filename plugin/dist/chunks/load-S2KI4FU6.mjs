#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  locateJsonError,
  parseConfig,
  resolveTarget
} from "./chunk-EGKIXKT2.mjs";
import "./chunk-AQI2KNDM.mjs";
import {
  formatPath
} from "./chunk-LO6JXK6M.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  configJsonSchema,
  configJsonSchemaText,
  formatPath,
  loadConfig,
  loadConfigAtCommit,
  locateJsonError,
  parseConfig,
  resolveTarget
};
