#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  PLAN_LIMITS,
  buildPlan
} from "./chunk-4IACWOHE.mjs";
import "./chunk-DHQSTGG3.mjs";
import "./chunk-DRMYFPW3.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  PLAN_LIMITS,
  buildPlan
};
