#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  PLAN_LIMITS,
  buildPlan
} from "./chunk-CN4SI646.mjs";
import "./chunk-YZJAPDEG.mjs";
import "./chunk-3EVUSF4T.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  PLAN_LIMITS,
  buildPlan
};
