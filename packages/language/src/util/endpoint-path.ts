import type { Endpoint } from '../generated/ast.js';
import { PathParam } from '../generated/ast.js';

/**
 * An endpoint's path, each parameter written by `param`: `/employees/{id}`. One string built
 * with indexed loops (the duplicate-route check renders every endpoint's): a list and a joined
 * string for each segment and for the path were most of that check's time.
 */
function renderPath(endpoint: Endpoint, param: (name: string) => string): string {
  let path = '';
  const segments = endpoint.path?.segments ?? [];
  for (let i = 0; i < segments.length; i++) {
    path += '/';
    const parts = segments[i]!.parts;
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      // By `$type`: a path parameter has no subtype.
      path += part.$type === PathParam.$type ? param((part as PathParam).name) : part.text;
    }
  }
  return path;
}

const erasedParameter = () => '{}';
const namedParameter = (name: string) => `{${name}}`;

/** The route of an endpoint with parameter names erased: `GET /employees/{}`. */
export function routeKey(endpoint: Endpoint): string {
  return `${endpoint.method?.toUpperCase() ?? ''} ${renderPath(endpoint, erasedParameter)}`;
}

/** The path as written, without spaces: `/employees/{id}`. */
export function pathTemplate(endpoint: Endpoint): string {
  return renderPath(endpoint, namedParameter);
}
