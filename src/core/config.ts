/** `.lanes/config.json`: the schema (config/schema.ts) and loading with clear errors (config/load.ts). */
export * from './config/schema.js';
export * from './config/load.js';
