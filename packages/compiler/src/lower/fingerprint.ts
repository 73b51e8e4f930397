import { createHash } from 'node:crypto';

/**
 * The fingerprint of a spec: `sha256:` and the hash of its IR as JSON, without source
 * locations (`location`, `bodyLocation`, `errorLocations`: moving text around does not change
 * what a spec means). Key order is the order
 * the lowering builds objects in, which is fixed, so the JSON is canonical.
 */
export function fingerprintOf(ir: object): string {
  const json = JSON.stringify(ir, (key, value) => (isLocationKey(key) ? undefined : value));
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

function isLocationKey(key: string): boolean {
  return key === 'location' || key.endsWith('Location') || key.endsWith('Locations');
}
