/** `specl proxy --help`. */
export const proxyHelp = `Usage: specl proxy <spec> --target <url> [options]

Runs a reverse proxy in front of a server (in any language) that checks every request and
response against the spec, as \`specl verify\` checks one exchange: declared status, media
type, body type with constraints and invariants, requires and ensures. Each violation is
printed with its clause and place in the spec, and sent to OpenTelemetry when configured.

Options:
  --target <url>             the server behind the proxy (required)
  --listen <host:port>       where the proxy listens (default 127.0.0.1:8081)
  --mode <observe|enforce>   observe: forward everything and report (default);
                             enforce: a request that breaks the spec gets the declared 4xx
                             with an application/problem+json body and never reaches the target
  --replace-bad-responses    in enforce mode, answer 502 instead of a response that breaks it
  --max-body <size>          the largest JSON body read to check (default 1mb; larger: 413)
  --target-timeout <time>    how long the target may take to answer (default 30s; then 504)
  --client-timeout <time>    how long a client may take to send its request (default 30s)
  --log <text|json>          violations as text lines (default) or JSON lines, on stdout
  -h, --help                 show this help

OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT,
OTEL_TRACES_EXPORTER=otlp) set, spans and metrics go over OTLP/HTTP; every span carries
specl.spec.name, specl.spec.version, specl.spec.fingerprint and specl.endpoint, and each
violation is a specl.violation event. With none set, nothing is exported. An endpoint that is
down or slow never holds up traffic: spans are dropped and counted.

Exit codes: 0 stopped by SIGINT or SIGTERM, 2 the spec has errors or bad usage.
`;
