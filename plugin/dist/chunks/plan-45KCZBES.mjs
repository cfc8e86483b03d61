#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  PLAN_LIMITS,
  buildPlan
} from "./chunk-HHVC3Q4C.mjs";
import "./chunk-6O67LTXW.mjs";
import "./chunk-DZJZL4SE.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  PLAN_LIMITS,
  buildPlan
};
