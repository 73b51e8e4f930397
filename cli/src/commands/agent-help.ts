import { DEFAULT_CRITIC_ROUNDS } from '@specl/agent/defaults';

/** The options both commands take, and what they do. */
const options = `Options:
  --endpoint <names>       only these endpoints (comma-separated; repeatable; default: all)
  --entry <file>           the module the verifier loads, in the folder (default handlers.ts)
  --types <file>           the compiled types.ts the code imports (default: generated/types.ts
                           beside the spec)
  --model <id>             the Claude model (default: SPECL_MODEL, or claude-sonnet-4-6)
  --max-turns <n>          requests to the model at most (default 30)
  --max-tokens <n>         tokens at most, of every kind (default 2000000)
  --budget-usd <dollars>   US dollars at most (default 5)
  --runs <n>               runs per check of each verification (default 100)
  --seed <n>               the verifier's seed (default: from the spec's fingerprint)
  --timeout <duration>     how long one API request may take: 10m (default), 90s
  --verify-timeout <dur>   how long one verification may take: 120s (default)
  --no-stream              wait for whole answers instead of streaming them
  -y, --yes                write the changes into the folder when every check holds
                           (otherwise the diff is printed and nothing is written)
  --unsafe-run             run the model's code even where the sandbox cannot cut the
                           network (see below); refused otherwise
  --parallel <n>           up to n agents at once (default 1, at most 16): the endpoints are
                           split into groups by the spec's tags (when every endpoint has one)
                           or else by resource, one agent a group (see below)
  --conflicts <how>        when groups wrote one file differently: agent (default: a final
                           agent merges them) or report (stop, name the files, save each
                           group's diff beside the audit log)
  --critic                 a second agent reviews each candidate that verifies, against the
                           spec and the counterexamples found on the way; its objections go
                           back to the author before the candidate is accepted
  --critic-rounds <n>      objections sent back at most n times (default ${DEFAULT_CRITIC_ROUNDS}); a candidate
                           that still verifies after them is accepted
  --color, --no-color      force colour on or off
  -h, --help               show this help

The model works through four tools only: list and read the files of the folder, write a
file in it, run the verifier. Its writes land in a temporary copy, where the verifier runs;
paths outside the folder, through symlinks out of it, and spec files are refused. Budgets
are checked before every request. Every request's usage, tool call and result, and
verification is logged to .specl/runs/<time>.jsonl (the diff beside it). The API key comes
from ANTHROPIC_API_KEY, the endpoint from ANTHROPIC_BASE_URL when set; it is redacted from
every output and log, in any encoding.

With --parallel, each agent works in its own staged copy and verifies its own endpoints
(with the properties and call sequences that use only them; properties that also call other
groups' endpoints are checked on the merged whole). When every group verified, their changes
are merged: a file changed by one group, or by several alike, is taken; one several changed
in different places is merged line by line; one changed in the same place differently is a
conflict. The merged whole is verified; when it fails or has conflicts, a
merge agent works on it until it verifies (or --conflicts report stops there). One budget
holds for every agent and critic: each request is admitted only if it fits with the requests
in flight, and once one is refused no agent sends another. The audit log names the agent and
role (author, critic, merger) on every line.

The model's code runs only in a sandbox: a process of its own per verification, whose
environment holds no secret (the key stays in the agent's process), killed at the time limit.
What else confines it depends on the platform:
  Linux with bubblewrap    namespaces: read-only system, project and Specl; writes only to the
                           staged copy; loopback-only network; its own /proc; plus all below
  Linux with unshare only  network, pid and ipc namespaces (no network at all); plus all below
  Linux (both)             CPU time, memory and file-size limits (prlimit)
  every platform           Node's permission model: reads of the project, the stage and Specl
                           only, writes only to the staged copy, no child processes, workers
                           or native addons
  macOS, Windows, others   Node's permission model only: the network is NOT cut, so the run
                           refuses unless --unsafe-run is given
Install bubblewrap (apt-get install bubblewrap) for the full sandbox.

Exit codes: 0 every check held; 1 a budget ran out, the model stopped, or groups' work
conflicted (--conflicts report) before they did; 2 usage or spec error; 3 the API failed
(unreachable, rate limited, overloaded, key refused); 130 interrupted.
`;

/** The help of `specl implement` (its defaults are checked against @specl/agent's by a test). */
export const implementHelp = `Usage: specl implement <spec> --impl <dir> [options]

Asks Claude to implement the spec's endpoints in the folder <dir>, runs the verifier on
what it writes, sends the counterexamples back, and goes on until every check holds or a
budget runs out.

${options}`;

/** The help of `specl repair`. */
export const repairHelp = `Usage: specl repair <spec> --impl <dir> [options]

Verifies the code in <dir>, and when checks fail, asks Claude to repair it from the
counterexamples, verifying each change, until every check holds or a budget runs out.

${options}`;
