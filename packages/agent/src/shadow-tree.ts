import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isInside } from './impl-path.js';

/**
 * The folder a shadow tree mirrors: the nearest ancestor of the implementation folder with a
 * `package.json` (so that imports of the project's packages resolve), or else the nearest
 * folder holding both the implementation folder and the spec.
 */
export function shadowAnchor(implReal: string, specDirReal: string): string {
  for (let dir = implReal; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) break;
  }
  let common = specDirReal;
  while (!isInside(common, implReal)) common = dirname(common);
  return common;
}

/** Entries of the implementation folder linked rather than copied into the stage. */
const LINKED = new Set(['node_modules', '.git']);

/**
 * Builds, under `stageRoot`, a tree that looks like `anchor` from the implementation's point
 * of view: along the path from `anchor` down to the implementation folder, real folders whose
 * other entries are symlinks to the originals; the implementation folder itself copied (its
 * symlinks kept as they are, `node_modules` linked). Code in the copy imports its neighbours
 * (`../generated/types.js`) and the project's packages exactly as the original would, and the
 * original is never written. Answers the copy's path.
 */
export function buildShadowTree(anchor: string, implReal: string, stageRoot: string): string {
  let real = anchor;
  let shadow = stageRoot;
  const steps = relative(anchor, implReal).split(sep).filter(Boolean);
  for (const step of steps) {
    for (const entry of readdirSync(real))
      if (entry !== step) symlinkSync(join(real, entry), join(shadow, entry));
    real = join(real, step);
    shadow = join(shadow, step);
    mkdirSync(shadow);
  }
  for (const entry of readdirSync(implReal)) {
    const from = join(implReal, entry);
    if (LINKED.has(entry)) symlinkSync(realpathSync(from), join(shadow, entry));
    else cpSync(from, join(shadow, entry), { recursive: true, verbatimSymlinks: true });
  }
  return shadow;
}
