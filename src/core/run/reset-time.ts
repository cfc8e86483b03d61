/**
 * When a usage or rate limit resets, read from the text of its message: an epoch, a retry-after,
 * a relative time ("try again in 5 minutes"), an ISO stamp, or a clock time ("resets at 3pm").
 */
const UNIT_MS: Record<string, number> = {
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
};

/** Upper bound on a parsed reset (a weekly limit is the longest we know of). */
const MAX_RESET_MS = 8 * 86_400_000;

/**
 * When a limit resets, from the text of its message, as epoch ms (undefined: the text does not
 * say). Clock times ("3pm", "15:00") are local time, the next such time after `now`.
 * `bare`: the text is just the time (a pattern's `reset` group), so a plain number is an epoch.
 */
export function parseReset(text: string, now: number, bare = false): number | undefined {
  const t = text.trim();
  const sane = (at: number) => (at > now && at - now <= MAX_RESET_MS ? at : undefined);
  // An epoch: "Claude AI usage limit reached|1767042000" (seconds or ms), or a bare number.
  const epoch = (bare ? /^(\d{10,13})$/ : /\|\s*(\d{10,13})\b/).exec(t);
  if (epoch) {
    const n = Number(epoch[1]);
    return sane(n < 1e12 ? n * 1000 : n);
  }
  if (bare && /^\d+(?:\.\d+)?$/.test(t)) return sane(now + Number(t) * 1000);
  // retry-after: seconds
  const ra = /retry[- _]after["']?\s*[:=]?\s*["']?(\d+(?:\.\d+)?)\s*(s|sec|seconds?|m|min|minutes?)?\b/i.exec(t);
  if (ra) return sane(now + Number(ra[1]) * (ra[2]?.startsWith('m') ? 60_000 : 1000));
  // "resets in 2h 30m", "try again in 5 minutes", "try again in 4 days 2 hours"
  const rel =
    /(?:resets?|try again|retry|available again)\s+in\s+((?:\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\b[\s,and]*)+)/i.exec(
      t,
    );
  if (rel) {
    let ms = 0;
    for (const p of rel[1]!.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/gi)) {
      const word = p[2]!.toLowerCase();
      const unit = word.length > 1 ? word.replace(/s$/, '') : word;
      ms += Number(p[1]) * (UNIT_MS[unit] ?? UNIT_MS[unit[0]!] ?? 0);
    }
    if (ms > 0) return sane(now + ms);
  }
  // An ISO time stamp after "reset"/"until"/"at".
  const iso = /(?:resets?|until|at)\s+(?:at\s+)?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)/i.exec(t);
  if (iso) {
    const at = Date.parse(iso[1]!);
    if (Number.isFinite(at)) return sane(at);
  }
  // A clock time: "resets at 3pm", "resets 15:00", "resets 3:30 PM", "try again at 9am".
  const clock = (
    bare
      ? /^()(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?/i
      : /(resets?|try again|available again|until)\s+(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?![\d:])/i
  ).exec(t);
  if (clock) {
    let h = Number(clock[2]);
    const min = clock[3] !== undefined ? Number(clock[3]) : 0;
    const ampm = clock[4]?.toLowerCase().replace(/\./g, '');
    if (!ampm && clock[3] === undefined) return undefined; // "resets 3" is not a time
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
    if (h > 23 || min > 59) return undefined;
    const d = new Date(now);
    d.setHours(h, min, 0, 0);
    if (d.getTime() <= now) d.setDate(d.getDate() + 1);
    return sane(d.getTime());
  }
  return undefined;
}
