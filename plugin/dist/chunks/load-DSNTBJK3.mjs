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
} from "./chunk-GEOZAVXX.mjs";
import "./chunk-AQI2KNDM.mjs";
import "./chunk-DHQSTGG3.mjs";
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
