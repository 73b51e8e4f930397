// The environment of a measured child: this process's, without NODE_EXTRA_CA_CERTS, which these
// machines set for every process and which makes Node parse every listed certificate at start
// (about 40 ms of each child's wall and CPU time, a cost of the machine, not of the program
// measured; bench/start.mjs measures it), with `extra` added.

/** This process's environment without NODE_EXTRA_CA_CERTS, and with `extra`. */
export function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
