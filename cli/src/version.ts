import { readFileSync } from 'node:fs';

/** The CLI's version, from its package.json. */
export function cliVersion(): string {
  // Found from the source (dist/version.js) or the bundle (dist/bundle/*.mjs).
  const url = new URL(
    import.meta.url.includes('/bundle/') ? '../../package.json' : '../package.json',
    import.meta.url,
  );
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}
