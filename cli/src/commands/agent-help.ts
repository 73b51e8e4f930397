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
  --color, --no-color      force colour on or off
  -h, --help               show this help

The model works through four tools only: list and read the files of the folder, write a
file in it, run the verifier. Its writes land in a temporary copy, where the verifier runs;
paths outside the folder, through symlinks out of it, and spec files are refused. Budgets
are checked before every request. Every request's usage, tool call and result, and
verification is logged to .specl/runs/<time>.jsonl (the diff beside it). The API key comes
from ANTHROPIC_API_KEY, the endpoint from ANTHROPIC_BASE_URL when set.

Exit codes: 0 every check held, 1 a budget ran out (or the model stopped) before they did,
2 usage or spec error, 3 the API failed (unreachable, rate limited, overloaded, key refused),
130 interrupted.
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
