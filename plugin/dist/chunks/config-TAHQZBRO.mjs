#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  AGENT_PLACEHOLDERS,
  AGENT_PRESETS,
  CONFIG_FILE,
  CONFIG_SCHEMA_FILE,
  ConfigSchema,
  DEFAULT_DISPOSABLE_IGNORED,
  MAX_CONFIG_BYTES,
  configJsonSchema,
  configJsonSchemaText,
  loadConfig,
  loadConfigAtCommit,
  locateJsonError,
  parseConfig,
  refNameProblem,
  resolveTarget
} from "./chunk-3KJTEJCO.mjs";
import {
  relPathProblem
} from "./chunk-AQI2KNDM.mjs";
import {
  formatPath
} from "./chunk-G2BVXJJ5.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  AGENT_PLACEHOLDERS,
  AGENT_PRESETS,
  CONFIG_FILE,
  CONFIG_SCHEMA_FILE,
  ConfigSchema,
  DEFAULT_DISPOSABLE_IGNORED,
  MAX_CONFIG_BYTES,
  configJsonSchema,
  configJsonSchemaText,
  formatPath,
  loadConfig,
  loadConfigAtCommit,
  locateJsonError,
  parseConfig,
  refNameProblem,
  relPathProblem,
  resolveTarget
};
