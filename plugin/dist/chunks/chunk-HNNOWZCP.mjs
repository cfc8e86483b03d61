#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
import {
  external_exports,
  formatIssue,
  formatPath
} from "./chunk-6O67LTXW.mjs";
import {
  branchExistsAt,
  mainHeadRef
} from "./chunk-5ICCUVIX.mjs";
import {
  resolveRepo
} from "./chunk-ESYJGOAB.mjs";
import {
  refSha
} from "./chunk-AAYR2TCU.mjs";
import {
  relPathProblem
} from "./chunk-V47YI7EL.mjs";
import {
  readBlob,
  treeEntry
} from "./chunk-5IGYGQZY.mjs";
import {
  SLUG_RE,
  SLUG_RULE
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";

// src/core/config/load.ts

// src/core/config/fields.ts
var ARGV_HINT = 'expected an argv array, never a shell string: ["npm", "test"]';
function refNameProblem(name) {
  if (name.length === 0) return "must not be empty";
  if (name.length > 255) return "is too long (at most 255 characters)";
  if (name.startsWith("-")) return 'must not start with "-"';
  if (name === "HEAD" || name === "@") return `"${name}" is not a branch name`;
  if (name.startsWith("refs/")) return 'give the branch name (e.g. "main"), not a full ref';
  if (/[\x00-\x20\x7f]/.test(name)) return "must not contain spaces or control characters";
  const bad = /[~^:?*[\\]/.exec(name);
  if (bad) return `must not contain "${bad[0]}"`;
  if (name.includes("..")) return 'must not contain ".."';
  if (name.includes("@{")) return 'must not contain "@{"';
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) return 'must not start or end with "/" or contain "//"';
  if (name.endsWith(".")) return 'must not end with "."';
  for (const part of name.split("/")) {
    if (part.startsWith(".")) return 'no path component may start with "."';
    if (part.endsWith(".lock")) return 'no path component may end with ".lock"';
  }
  return void 0;
}
var slug = (what) => external_exports.string().regex(SLUG_RE, { error: `${what} must be a slug: ${SLUG_RULE}` }).meta({ description: `${what}: ${SLUG_RULE}` });
var argv = (description) => external_exports.array(external_exports.string(), {
  error: (iss) => {
    if (typeof iss.input !== "string") return void 0;
    const words = iss.input.trim().split(/\s+/);
    const plain = words.length > 0 && words.every((w) => /^[\w@%+=:,./-]+$/.test(w));
    return plain ? `${ARGV_HINT} (here: ${JSON.stringify(words)})` : ARGV_HINT;
  }
}).min(1, { error: "must name a program: an empty argv array runs nothing" }).refine((a) => a[0] !== "", { error: "the program (first element) must not be empty" }).meta({ description: `${description} An argv array, never a shell string: ["npm", "test"].` });
var timeoutSeconds = (dflt, description) => external_exports.number().positive().max(86400).default(dflt).meta({ description: `${description} Default ${dflt}.` });
var env = external_exports.record(external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "environment variable names are letters, digits and _" }), external_exports.string()).meta({ description: "Extra environment variables for the command (merged over the inherited environment)." });
var relDir = (dflt, description) => external_exports.string().superRefine((p, ctx) => {
  const problem = relPathProblem(p, "directory");
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}).default(dflt).meta({ description: `${description} Relative to the repository root; must stay inside it. Default "${dflt}".` });
function duplicates(names, ctx, field, what) {
  const seen = /* @__PURE__ */ new Set();
  names.forEach((n, i) => {
    if (seen.has(n)) ctx.addIssue({ code: "custom", path: [i, field], message: `duplicate ${what} ${field} "${n}"` });
    seen.add(n);
  });
}

// src/core/config/agent.ts
var AGENT_PLACEHOLDERS = ["task_id", "title", "description", "worktree", "prompt"];
var AGENT_PRESETS = ["claude", "codex", "gemini", "cursor", "opencode", "aider"];
var AgentSection = external_exports.object({
  command: argv(`How to launch an agent. May contain the placeholders ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(" ")}.`).superRefine((args, ctx) => {
    args.forEach((a, i) => {
      for (const m of a.matchAll(/\{([A-Za-z_]+)\}/g)) {
        if (!AGENT_PLACEHOLDERS.includes(m[1])) {
          ctx.addIssue({
            code: "custom",
            path: [i],
            message: `unknown placeholder {${m[1]}}: use ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}`
          });
        }
      }
    });
  }).optional(),
  retries: external_exports.number().int().min(0).max(10).default(3).meta({ description: "Times a failed agent run is retried. Default 3." }),
  preset: external_exports.enum(AGENT_PRESETS).optional().meta({
    description: `A known agent CLI: ${AGENT_PRESETS.join(", ")}. Default claude. "command" overrides its argv; its limit patterns stay.`
  }),
  limit_patterns: external_exports.array(
    external_exports.string().superRefine((p, ctx) => {
      try {
        new RegExp(p, "i");
      } catch (e) {
        ctx.addIssue({ code: "custom", message: `not a valid regular expression: ${e.message}` });
      }
    })
  ).default(() => []).meta({
    description: 'Regular expressions (case-insensitive) for output meaning the agent hit a usage or rate limit; a named group "reset" may hold the reset time. Added to the built-in ones.'
  }),
  limit_backoff_seconds: external_exports.number().positive().max(86400).default(60).meta({
    description: "Pause after a limit that names no reset time; doubled for each limit in a row (at most an hour). Default 60."
  }),
  max_starts_per_minute: external_exports.number().min(0).max(600).default(0).meta({ description: "Spread agent starts out: at most this many per minute, evenly spaced (0 = no limit). Default 0." })
}).strict().prefault({}).meta({ title: "Agent launcher", description: "How Lanes starts an agent in a lane." });
var PricesSection = external_exports.record(
  external_exports.string().min(1),
  external_exports.object({
    input: external_exports.number().nonnegative().meta({ description: "USD per million input tokens." }),
    output: external_exports.number().nonnegative().meta({ description: "USD per million output tokens." }),
    cache_read: external_exports.number().nonnegative().optional().meta({ description: "USD per million cache-read tokens. Default a tenth of input." }),
    cache_write: external_exports.number().nonnegative().optional().meta({ description: "USD per million cache-creation tokens. Default 1.25 times input." })
  }).strict()
).optional().meta({
  title: "Model prices",
  description: 'Per model (an id, or a part of one such as "sonnet"), USD per million tokens, for the estimated cost of a run. Added over the built-in estimates for the Claude families.'
});

// src/core/config/commands.ts
var Command = external_exports.object({
  name: slug("name"),
  command: argv("The program and its arguments."),
  timeout_seconds: timeoutSeconds(600, "Kill the command (and its whole process group) after this many seconds."),
  env: env.optional()
}).strict();
var SetupCommand = Command.extend({
  when_changed: external_exports.array(
    external_exports.string().min(1).superRefine((p, ctx) => {
      const problem = relPathProblem(p.replace(/\*+/g, "x"), "file");
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
  ).min(1, { error: "list at least one path, or leave when_changed out to run the command every time" }).optional().meta({
    description: `Repository paths or globs ("package-lock.json", "requirements/*.txt"). In the merge queue's gate checkout the command is re-run only when these files change; default: every time. New lanes always run it.`
  })
}).strict();
var commandList = (what, item) => external_exports.array(item, {
  error: (iss) => typeof iss.input === "string" ? `expected a list of commands, never a shell string: [{ "name": "test", "command": ["npm", "test"] }]` : void 0
}).superRefine(
  (items, ctx) => duplicates(
    items.map((i) => i.name),
    ctx,
    "name",
    what
  )
).default(() => []);
var GatesSection = commandList("gate", Command).meta({
  title: "Gates",
  description: "Commands that must pass before a lane lands (run on the integrated result). Read from the target branch, never from a lane."
});
var SetupSection = commandList("setup step", SetupCommand).meta({
  title: "Setup",
  description: "Commands run in a new lane before the agent starts, and in the merge queue's gate checkout before the gates."
});

// src/core/config/merge.ts
var MergeSection = external_exports.object({
  strategy: external_exports.enum(["merge", "squash", "rebase"]).default("merge").meta({ description: 'How a lane lands on the target. Default "merge".' }),
  batch_size: external_exports.number().int().min(1).max(32).default(1).meta({ description: "Lanes integrated and gated together (1 = one at a time). Default 1." }),
  remove_lane_after_landing: external_exports.boolean().default(true).meta({ description: "Remove the worktree and branch once the lane has landed. Default true." }),
  integration_dir: external_exports.string().min(1).refine((p) => !/[\x00-\x1f\x7f]/.test(p), { error: "must not contain control characters" }).optional().meta({
    description: 'Where the gate checkouts live (one per target). Absolute, or relative to the main checkout (e.g. "../myrepo-lanes"). Default: a private directory under the system temp dir, so no path segment starts with "." (some test suites refuse such paths).'
  }),
  hold_gate_changes: external_exports.boolean().default(true).meta({
    description: "Hold a landing that weakens the target's gates (removes or changes a gate command, shortens a timeout, removes setup) until a human runs `lanes merge approve`. Default true."
  })
}).strict().prefault({}).meta({ title: "Merge queue", description: "How finished lanes land on the target branch." });

// src/core/config/session.ts
var ProtocolCheck = external_exports.discriminatedUnion("kind", [
  external_exports.object({ kind: external_exports.literal("log_exists") }).strict().meta({ description: "The session log file exists." }),
  external_exports.object({ kind: external_exports.literal("tree_committed") }).strict().meta({ description: "The worktree has no uncommitted changes." }),
  external_exports.object({ kind: external_exports.literal("section_filled"), section: external_exports.string().min(1).meta({ description: 'Heading text, e.g. "Progress log".' }) }).strict().meta({ description: "The named section of the session log has content." }),
  external_exports.object({
    kind: external_exports.literal("command"),
    command: argv("The check passes when this exits 0."),
    timeout_seconds: timeoutSeconds(60, "Time limit for the check.")
  }).strict().meta({ description: "A command that must exit 0." })
]);
var ProtocolItem = external_exports.object({
  id: slug("id"),
  description: external_exports.string().min(1).meta({ description: "What the item asks for, shown to the agent." }),
  check: ProtocolCheck.meta({
    description: 'How the item is checked: log_exists, tree_committed, section_filled (with "section") or command (with "command").'
  })
}).strict();
var protocolList = (dflt, description) => external_exports.array(ProtocolItem).superRefine(
  (items, ctx) => duplicates(
    items.map((i) => i.id),
    ctx,
    "id",
    "protocol item"
  )
).default(dflt).meta({ description });
var DEFAULT_SESSION_START = () => [
  { id: "log-exists", description: "Open the session log for this session.", check: { kind: "log_exists" } }
];
var DEFAULT_SESSION_END = () => [
  { id: "tree-committed", description: "Commit (or discard) every change in the worktree.", check: { kind: "tree_committed" } },
  {
    id: "progress-log",
    description: 'Record what was done in the "Progress log" section.',
    check: { kind: "section_filled", section: "Progress log" }
  },
  {
    id: "next-steps",
    description: 'Record what should happen next in the "Next steps" section.',
    check: { kind: "section_filled", section: "Next steps" }
  }
];
var SessionSection = external_exports.object({
  dir: relDir(".lanes/sessions", "Where session logs are kept."),
  start: protocolList(DEFAULT_SESSION_START, "Checks at the start of an agent session."),
  end: protocolList(DEFAULT_SESSION_END, "Checks before an agent session may end.")
}).strict().prefault({}).meta({ title: "Session protocol", description: "What an agent session must do at its start and before it ends." });

// src/core/config/worktrees.ts
var DEFAULT_DISPOSABLE_IGNORED = [
  "node_modules",
  ".venv",
  "venv",
  "__pycache__",
  "*.pyc",
  ".pytest_cache",
  ".mypy_cache",
  ".ruff_cache",
  ".tox",
  "target",
  "dist",
  "build",
  "out",
  "coverage",
  ".cache",
  ".next",
  ".nuxt",
  ".turbo",
  ".parcel-cache",
  ".gradle",
  ".eslintcache",
  "*.tsbuildinfo",
  ".DS_Store"
];
var WorktreesSection = external_exports.object({
  dir: relDir(".claude/worktrees", "Where lane worktrees are created."),
  include_file: external_exports.string().superRefine((p, ctx) => {
    const problem = relPathProblem(p, "file");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).default(".worktreeinclude").meta({ description: 'File listing untracked files (e.g. .env) to copy into new lanes. Default ".worktreeinclude".' }),
  claude_worktree_hooks: external_exports.boolean().default(true).meta({ description: "Handle Claude Code's own worktree hooks so its worktrees become lanes. Default true." }),
  disposable_ignored: external_exports.array(
    external_exports.string().min(1).regex(/^[^\x00-\x1f\x7f]+$/, "must not contain control characters")
  ).default([...DEFAULT_DISPOSABLE_IGNORED]).meta({
    description: 'Globs of ignored files a lane may lose on removal (caches, build output): a pattern without "/" matches any path component, one with "/" a path from the lane root. Other ignored files make removal refuse. Replaces the default list.'
  })
}).strict().prefault({}).meta({ title: "Worktrees", description: "Where and how lane worktrees are created." });

// src/core/config/schema.ts
var CONFIG_FILE = ".lanes/config.json";
var CONFIG_SCHEMA_FILE = "schemas/config.schema.json";
var MAX_CONFIG_BYTES = 1024 * 1024;
var mb = (dflt, description) => external_exports.number().nonnegative().default(dflt).meta({ description: `${description} Default ${dflt}.` });
var ConfigSchema = external_exports.object({
  $schema: external_exports.string().optional().meta({ description: "JSON schema reference for editors; ignored by Lanes." }),
  target: external_exports.string().superRefine((b, ctx) => {
    const problem = refNameProblem(b);
    if (problem) ctx.addIssue({ code: "custom", message: `not a valid branch name: ${problem}` });
  }).optional().meta({
    title: "Target branch",
    description: "The branch lanes land on. Default: the branch checked out in the main worktree, else 'main' if it exists, else 'master'."
  }),
  gates: GatesSection,
  setup: SetupSection,
  remote: external_exports.string().min(1).optional().meta({
    title: "Shared-state remote",
    description: "The git remote (e.g. 'origin') through which clones on other machines share the plan, claims and merge queue. Each clone opts in with `lanes remote enable`; this names the remote it uses by default."
  }),
  max_parallel: external_exports.number().int().min(1).max(64).default(8).meta({ title: "Maximum parallel lanes", description: "Upper bound on lanes running at once; resources may lower it. Default 8." }),
  resources: external_exports.object({
    min_free_memory_mb: mb(1024, "Memory to leave free for everything else."),
    min_free_disk_mb: mb(2048, "Disk space to leave free on the repository filesystem."),
    memory_per_agent_mb: mb(1024, "Memory one agent and its tools are assumed to need."),
    disk_per_lane_mb: mb(0, "Disk one lane's worktree needs; 0 estimates it from the repository's checkout size."),
    max_load_per_cpu: external_exports.number().positive().default(1.5).meta({ description: "Load average per CPU above which the machine counts as busy. Default 1.5." })
  }).strict().prefault({}).meta({ title: "Resource floors", description: "How Lanes sizes parallelism to the machine." }),
  worktrees: WorktreesSection,
  claims: external_exports.object({
    default_ttl_seconds: external_exports.number().int().min(1).max(7 * 86400).default(1800).meta({ description: "How long a file claim lasts unless renewed. Default 1800." })
  }).strict().prefault({}).meta({ title: "File claims", description: "Claims that reserve files for one lane." }),
  merge: MergeSection,
  session: SessionSection,
  agent: AgentSection,
  prices: PricesSection
}).strict().meta({
  title: "Lanes configuration",
  description: "The committed configuration of Lanes (.lanes/config.json). Every field is optional."
});

// src/core/config/issues.ts
function describeIssue(iss, input) {
  if (iss.code === "unrecognized_keys") {
    const known = knownKeys(ConfigSchema, iss.path, input);
    return iss.keys.map((k) => {
      const near = closest(k, known);
      return `${formatPath([...iss.path, k])}: unknown field${near ? ` (did you mean "${near}"?)` : ""}`;
    });
  }
  if (iss.code === "invalid_key") return [`${formatPath(iss.path)}: invalid name: ${iss.issues.map((i) => i.message).join("; ")}`];
  if (iss.code === "invalid_type" && iss.path.length === 0)
    return ['(root): the file must contain a JSON object, e.g. { "max_parallel": 4 }'];
  return [formatIssue(iss, { input, schema: ConfigSchema })];
}
function knownKeys(schema, p, input) {
  let s = schema;
  let v = input;
  for (let depth = 0; s && depth <= p.length; ) {
    const def = s._zod.def;
    if ("innerType" in def) {
      s = def.innerType;
      continue;
    }
    if (def.type === "union") {
      const options = def.options;
      const kind = v?.kind;
      s = options.find((o) => o.shape?.kind?._zod.def.values?.includes(kind)) ?? options[0];
      continue;
    }
    if (depth === p.length) return def.type === "object" ? Object.keys(s.shape) : [];
    const key = p[depth];
    v = v?.[key];
    depth++;
    if (def.type === "object") s = s.shape[key];
    else if (def.type === "array") s = def.element;
    else return [];
  }
  return [];
}
function closest(word, candidates) {
  let best;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

// src/core/config/json.ts
function parseJsonText(text, source) {
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (cause) {
    const loc = locateJsonError(body);
    const where = loc ? ` at line ${loc.line}, column ${loc.column}: ${loc.problem}` : `: ${cause.message}`;
    throw new LanesError("CONFIG", `${source} is not valid JSON${where}.`, {
      hint: `Fix the JSON syntax in ${source} (plain JSON: no comments, no trailing commas).`,
      details: { source, ...loc },
      cause
    });
  }
}
function locateJsonError(text) {
  let i = 0;
  class Stop {
    constructor(problem) {
      this.problem = problem;
    }
    problem;
  }
  const fail = (problem) => {
    throw new Stop(problem);
  };
  const ws = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
    if (text.startsWith("//", i) || text.startsWith("/*", i)) fail("comments are not allowed in JSON");
  };
  const str = () => {
    i++;
    for (; ; ) {
      const c = text[i];
      if (c === void 0) fail("unterminated string");
      if (c === '"') return void i++;
      if (c.charCodeAt(0) < 32) fail("control character in a string (write a newline as \\n)");
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("bad \\u escape");
          i += 6;
          continue;
        }
        if (e === void 0 || !'"\\/bfnrt'.includes(e)) fail("bad escape in a string");
        i += 2;
        continue;
      }
      i++;
    }
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (; ; ) {
        ws();
        if (text[i] !== '"') fail(text[i] === "}" ? 'trailing comma before "}"' : "expected a double-quoted property name");
        str();
        ws();
        if (text[i] !== ":") fail('expected ":" after the property name');
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") return void i++;
        fail('expected "," or "}" after a property value');
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (; ; ) {
        ws();
        if (text[i] === "]") fail('trailing comma before "]"');
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") return void i++;
        fail('expected "," or "]" after an array element');
      }
    }
    if (c === '"') return str();
    const num = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    num.lastIndex = i;
    if (c !== void 0 && /[-0-9]/.test(c)) {
      if (!num.test(text)) fail("invalid number");
      i = num.lastIndex;
      return;
    }
    for (const lit of ["true", "false", "null"]) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    fail(c === void 0 ? "unexpected end of file" : c === "'" ? "strings need double quotes" : `unexpected ${JSON.stringify(c)}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail("unexpected text after the end of the JSON value");
    return void 0;
  } catch (e) {
    if (!(e instanceof Stop)) return void 0;
    const before = text.slice(0, i);
    const line = before.split("\n").length;
    return { line, column: i - before.lastIndexOf("\n"), problem: e.problem };
  }
}

// src/core/config/load.ts
function parseConfig(json, source, opts = {}) {
  return finish(validateConfig(json, source), opts.defaultTarget ?? "main");
}
function validateConfig(json, source) {
  const r = ConfigSchema.safeParse(json, {
    jitless: true,
    error: (iss) => iss.code === "invalid_type" && iss.input === void 0 ? "required field is missing" : void 0
  });
  if (r.success) return r.data;
  const problems = r.error.issues.flatMap((iss) => describeIssue(iss, json));
  throw new LanesError(
    "CONFIG",
    `${source} is invalid (${plural(problems.length, "problem")}):
${problems.map((p) => `  - ${p}`).join("\n")}`,
    {
      hint: `Fix ${problems.length === 1 ? "this field" : "these fields"} in ${source}. Every field is optional; the JSON schema ${CONFIG_SCHEMA_FILE} in the Lanes package describes them all (point "$schema" at it for editor completion).`,
      details: { source, problems }
    }
  );
}
function finish(parsed, defaultTarget) {
  const { $schema: _ignored, target, ...rest } = parsed;
  return { ...rest, target: target ?? defaultTarget };
}
async function finishFromRepo(json, source, dir, repo) {
  const parsed = validateConfig(json, source);
  return finish(parsed, parsed.target ?? await resolveTarget(repo ?? await resolveRepo(dir)));
}
async function loadConfig(dir, opts = {}) {
  const file = path.join(dir, CONFIG_FILE);
  let text;
  try {
    const st = await fs.promises.stat(file);
    if (!st.isFile())
      throw new LanesError("CONFIG", `${file} is not a regular file.`, {
        hint: `Make ${CONFIG_FILE} a JSON file, or remove it to use the defaults.`
      });
    if (st.size > MAX_CONFIG_BYTES) throw tooBig(file, st.size);
    text = await fs.promises.readFile(file, "utf8");
  } catch (e) {
    if (e.code !== "ENOENT") {
      if (e instanceof LanesError) throw e;
      throw new LanesError("CONFIG", `Could not read ${file}: ${e.message}`, {
        hint: "Check the file's permissions.",
        cause: e
      });
    }
  }
  return finishFromRepo(text === void 0 ? {} : parseJsonText(text, file), file, dir, opts.repo);
}
async function loadConfigAtCommit(repoDir, commit, opts = {}) {
  if (commit === "" || commit.startsWith("-") || /[\x00-\x20\x7f]/.test(commit)) {
    throw new LanesError("INVALID_INPUT", `Invalid commit ${JSON.stringify(commit)}.`, { hint: "Pass a branch name or commit id." });
  }
  const sha = await refSha(repoDir, `${commit}^{commit}`);
  if (sha === void 0) {
    throw new LanesError("NOT_FOUND", `Commit ${commit} not found in ${repoDir}.`, {
      hint: "Check the branch name (is the target branch created?)."
    });
  }
  const source = `${commit}:${CONFIG_FILE}`;
  const entry = await treeEntry(repoDir, sha, CONFIG_FILE);
  let parsed = {};
  if (entry) {
    const { mode, type, oid, size } = entry;
    if (type !== "blob" || mode === "120000" || !oid) {
      throw new LanesError("CONFIG", `${source} is not a regular file (mode ${mode}).`, {
        hint: `Commit ${CONFIG_FILE} as a plain JSON file.`
      });
    }
    if (size > MAX_CONFIG_BYTES) throw tooBig(source, size);
    const text = await readBlob(repoDir, oid);
    parsed = parseJsonText(text, source);
  }
  return finishFromRepo(parsed, source, repoDir, opts.repo);
}
async function resolveTarget(repo) {
  const ref = await mainHeadRef(repo.commonDir);
  if (ref?.startsWith("refs/heads/")) return ref.slice("refs/heads/".length);
  for (const b of ["main", "master"]) if (await branchExistsAt(repo.commonDir, b)) return b;
  return "main";
}
function configJsonSchema() {
  return external_exports.toJSONSchema(ConfigSchema, { io: "input", target: "draft-2020-12" });
}
function configJsonSchemaText() {
  return `${JSON.stringify(configJsonSchema(), null, 2)}
`;
}
function tooBig(source, size) {
  return new LanesError("CONFIG", `${source} is ${size} bytes; Lanes refuses config files over ${MAX_CONFIG_BYTES} bytes.`, {
    hint: `${CONFIG_FILE} should be a small JSON file; check that the right file is committed there.`
  });
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export {
  AGENT_PLACEHOLDERS,
  AGENT_PRESETS,
  CONFIG_FILE,
  MAX_CONFIG_BYTES,
  parseConfig,
  loadConfig,
  loadConfigAtCommit,
  resolveTarget,
  configJsonSchema,
  configJsonSchemaText
};
