// The bench's bare Remix 2.17 app (tests/bench/http.ts): the project's own compiler, and a build
// of its own, kept with the bench's other generated files (never committed).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverModuleFormat: "esm",
  cacheDirectory: "../../.bench-cache/bare-remix/.cache",
  serverBuildPath: "../../.bench-cache/bare-remix/build/index.js",
  assetsBuildDirectory: "../../.bench-cache/bare-remix/public/build",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
};
