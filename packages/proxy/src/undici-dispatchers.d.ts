/**
 * undici's pool and client, imported from their own modules: the package's index also loads
 * fetch, WebSocket, caches and mocks, which the proxy does not use (in the CLI's bundle, about
 * 1 MB more to load at every start of the proxy). Typed as the index types them.
 */
declare module 'undici/lib/dispatcher/pool.js' {
  import type { Pool } from 'undici';
  const PoolClass: typeof Pool;
  export default PoolClass;
}

declare module 'undici/lib/dispatcher/client.js' {
  import type { Client } from 'undici';
  const ClientClass: typeof Client;
  export default ClientClass;
}
