#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  PLAN_LIMITS,
  buildPlan
} from "./chunk-A2MW363J.mjs";
import "./chunk-G2BVXJJ5.mjs";
import "./chunk-DRMYFPW3.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  PLAN_LIMITS,
  buildPlan
};
