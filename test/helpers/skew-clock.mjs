// Preloaded with NODE_OPTIONS=--import to give a process a clock off by LANES_TEST_SKEW_MS: Date.now()
// and `new Date()` read the skewed time (performance.now, being monotonic, does not).
const off = Number(process.env.LANES_TEST_SKEW_MS ?? 0);
const RealDate = Date;
class SkewDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + off);
    else super(...args);
  }
  static now() {
    return RealDate.now() + off;
  }
}
globalThis.Date = SkewDate;
