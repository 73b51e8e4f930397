/** The help of `specl verify`. */
export const verifyHelp = `Usage: specl verify <spec> (--impl <module> | --url <base>) [options]
       specl verify <openapi.json|yaml> --url <base> [options]

Checks an implementation against a spec: every endpoint's implicit properties (declared
statuses, bodies of their types with their constraints and invariants, every \`ensures\`),
every written \`property\`, and random sequences of calls that reuse the ids earlier answers
returned. A failure is shrunk to a minimal counterexample and shown with its requests and
responses, the clause that failed and where, and how to replay it.

An OpenAPI 3.x or Swagger 2.0 document stands for the spec \`specl import\` would write for
it (imported in memory, its warnings counted on standard error): a running server is then
checked against that document in one command.

Targets:
  --impl <module>          a TypeScript or JavaScript module exporting \`createHandlers\` (a
                           factory: fresh state for each run) or \`handlers\` (an object)
  --url <base>             a running HTTP server, in any language

Options:
  --runs <n>               runs per check (default 100); after a failure the search goes on
                           for other, distinct failures (by endpoint, clause, status, kind)
  --seed <n>               the seed (default: from the spec's fingerprint, so runs repeat)
  --duration <duration>    a time budget for the whole run (60s, 5m), shared among the checks;
                           with it alone, checks run until their share is spent
  --max-failures <n>       stop after n distinct failures (default: report every one found)
  --replay <check:path>    replay one counterexample, as a report prints it (with its --seed)
  --reset <command|URL>    reset the server before each run and before a replay: a URL is sent
                           a POST (2xx expected), anything else runs as a shell command (exit 0
                           expected); without it, a failure that needed the requests of earlier
                           runs is marked so and the JSON report keeps those requests
  --history <report.json>  with --replay: first send the requests that report kept for the
                           failure (a failure that needed earlier state), then replay it
  --phases <list>          endpoints, negative, properties, stateful, latency, load (default:
                           all but load, in that order); negative (over HTTP only) sends
                           requests that break the spec (wrong types, values out of bounds,
                           missing or unknown fields, malformed JSON, another media type): each
                           must get a 4xx; latency (over HTTP only) measures p50/p95/p99 per
                           endpoint and fails a budget the spec states (\`latency p99 < 200
                           ms\`); load (over HTTP, only when named) sends each endpoint --runs
                           valid requests, --concurrency at a time, checks every answer, and
                           judges the budgets again on those times
  --concurrency <n>        requests in flight at once in the load phase (default 8, at most 64)
  --endpoint <names>       only these endpoints (comma-separated; repeatable)
  --property <names>       only these properties (comma-separated; repeatable)
  --shard <i/n>            run the i-th of n deterministic shares of the checks (for CI)
  --timeout <duration>     how long one HTTP request may take: 10s (default), 500ms; three
                           timeouts in a row declare the server unreachable (exit 3)
  --max-body <size>        the largest response body read: 4MB (default), 512KB; larger is a
                           failure (redirects are never followed: a 3xx is checked as an answer)
  --auth <scheme>=<value>  a credential for a security scheme (repeatable): a token, a key,
                           or user:password for basic; else SPECL_AUTH_<SCHEME> (upper snake
                           case) from the environment. Never printed in any report.
  --reporter <name>        pretty (default), json, junit or sarif
  --output <file>          write the report to a file (atomically) instead of stdout
  --color, --no-color      force colour on or off
  --otel                   export the run as an OpenTelemetry trace over OTLP/HTTP (one span
                           per check, one per call), as OTEL_EXPORTER_OTLP_ENDPOINT says
  -h, --help               show this help

Exit codes: 0 every check held, 1 a check failed, 2 usage or spec error, 3 the target could
not be reached.
`;
