// Copied into cli/dist/bundle by scripts/bundle-cli.mjs: the ES module face of cached-script.cjs
// (the same module instance, so the same scripts), for the modules standing in for script chunks
// and for tools that read which scripts ran.
export { loadCachedScript, loadedScripts, runEntry } from './cached-script.cjs';
