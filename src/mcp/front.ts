/**
 * The server's front: it answers the first requests of a session from answers the build took
 * from the real SDK server (answers.ts), so a client gets its tool list before the SDK, zod and the
 * tools are loaded (about half of the start). Only requests whose answer cannot differ are answered
 * here: a well-formed `initialize` of a protocol version the SDK echoes, whose every field the SDK
 * checks is plainly valid; then `tools/list` without a cursor; and the `server/discover` probe,
 * which this server answers "method not found". Anything else is left to the SDK, and every line
 * the front saw is replayed to it in order (stdio.ts), so the SDK ends in the state it would have
 * reached by itself, and a replayed answer that differs from the front's is logged.
 */

/** The request id in the stored answers, replaced by the client's. */
export const ID_PLACEHOLDER = '@lanes-front-id@';

export interface Answers {
  /** Per protocol version: the `initialize` answer line and which of `lists` is its `tools/list` answer. */
  versions: Record<string, { initialize: string; list: number }>;
  lists: string[];
  /** The answer line to `server/discover`. */
  discover: string;
}

/** What the front remembers of the session so far. */
export interface FrontState {
  /** The protocol version the front's `initialize` answer negotiated. */
  version?: string;
  /** Whether the client has listed the tools (the moment to load the rest in the background). */
  listed?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const keysIn = (o: Json, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isSafeInteger(v));

/** `{ k?: object }` for each allowed key, nothing else. */
const objectsOnly = (v: unknown, allowed: readonly string[]) => isObject(v) && keysIn(v, allowed) && Object.values(v).every(isObject);

/** The client capabilities whose shape the SDK checks, in the forms real clients send. */
function plainCapabilities(c: unknown): boolean {
  if (!isObject(c) || !keysIn(c, ['roots', 'elicitation', 'sampling'])) return false;
  if (c.roots !== undefined) {
    if (!isObject(c.roots) || !keysIn(c.roots, ['listChanged'])) return false;
    if (c.roots.listChanged !== undefined && typeof c.roots.listChanged !== 'boolean') return false;
  }
  if (c.elicitation !== undefined) {
    if (!objectsOnly(c.elicitation, ['form', 'url'])) return false;
    const form = (c.elicitation as Json).form;
    if (isObject(form) && form.applyDefaults !== undefined && typeof form.applyDefaults !== 'boolean') return false;
  }
  if (c.sampling !== undefined && !objectsOnly(c.sampling, ['context', 'tools'])) return false;
  return true;
}

function plainClientInfo(i: unknown): boolean {
  return (
    isObject(i) &&
    keysIn(i, ['name', 'version', 'title', 'websiteUrl', 'description']) &&
    typeof i.name === 'string' &&
    typeof i.version === 'string' &&
    Object.values(i).every((v) => typeof v === 'string')
  );
}

/** The discover probe's envelope: the three claims a client makes, nothing the SDK would weigh. */
function plainProbe(params: unknown): boolean {
  if (params === undefined) return true;
  if (!isObject(params) || !keysIn(params, ['_meta'])) return false;
  const meta = params._meta;
  if (meta === undefined) return true;
  const claims = ['protocolVersion', 'clientInfo', 'clientCapabilities'].map((k) => `io.modelcontextprotocol/${k}`);
  return isObject(meta) && keysIn(meta, claims);
}

/**
 * The answer line to one incoming message, or undefined when the SDK must answer it. `state` is
 * updated when the front answers.
 */
export function frontAnswer(answers: Answers, state: FrontState, msg: unknown): string | undefined {
  if (!isObject(msg) || msg.jsonrpc !== '2.0' || !isId(msg.id) || !keysIn(msg, ['jsonrpc', 'id', 'method', 'params'])) return undefined;
  const { method, params } = msg;
  let line: string | undefined;
  if (method === 'initialize' && state.version === undefined) {
    if (
      isObject(params) &&
      keysIn(params, ['protocolVersion', 'capabilities', 'clientInfo']) &&
      typeof params.protocolVersion === 'string' &&
      Object.hasOwn(answers.versions, params.protocolVersion) &&
      plainCapabilities(params.capabilities) &&
      plainClientInfo(params.clientInfo)
    ) {
      state.version = params.protocolVersion;
      line = answers.versions[params.protocolVersion]!.initialize;
    }
  } else if (method === 'tools/list' && state.version !== undefined) {
    if (params === undefined || (isObject(params) && Object.keys(params).length === 0)) {
      state.listed = true;
      line = answers.lists[answers.versions[state.version]!.list];
    }
  } else if (method === 'server/discover' && state.version === undefined && plainProbe(params)) {
    line = answers.discover;
  }
  return line?.replace(JSON.stringify(ID_PLACEHOLDER), () => JSON.stringify(msg.id));
}

/** Whether a message is one the front may let by unanswered and replay later: the client's `initialized`. */
export function isInitialized(msg: unknown): boolean {
  return (
    isObject(msg) &&
    msg.jsonrpc === '2.0' &&
    msg.method === 'notifications/initialized' &&
    !('id' in msg) &&
    keysIn(msg, ['jsonrpc', 'method', 'params'])
  );
}
