import type { URI } from 'langium';

let base: string | undefined;

/** Sets the folder that paths in messages are shown relative to (the CLI's working folder). */
export function setDisplayBase(folder: string | undefined): void {
  base = folder?.replace(/\/+$/, '');
}

/** A file's path for a message: relative to the display base when inside it, else absolute. */
export function displayPath(uri: URI): string {
  if (uri.scheme !== 'file') return uri.toString();
  const path = uri.path;
  if (base && path.startsWith(base + '/')) return path.slice(base.length + 1);
  return path;
}
