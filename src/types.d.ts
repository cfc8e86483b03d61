// Text files embedded in the bundle by esbuild's text loader (see scripts/build.mjs).
declare module '*.yaml' {
  const text: string;
  export default text;
}
declare module '*.md' {
  const text: string;
  export default text;
}
