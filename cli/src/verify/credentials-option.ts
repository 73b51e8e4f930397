import type { SpecIR } from '@specl/compiler';
import type { Credentials } from '@specl/runtime';
import { credentialVariable } from '@specl/runtime';
import { CliError } from '../cli-error.js';

/**
 * The credentials of a verification, by scheme name: from `--auth NAME=VALUE` (repeatable),
 * else from the environment variable of each scheme (`SPECL_AUTH_BEARER_TOKEN`). Values are
 * never echoed: an error names the flag or the scheme, not what was given.
 */
export function credentialsOf(
  flags: readonly string[] | undefined,
  ir: SpecIR,
  env: Readonly<Record<string, string | undefined>>,
): Credentials {
  const schemes = (ir.auth ?? []).map((auth) => auth.name);
  const credentials: Record<string, string> = {};
  for (const scheme of schemes) {
    const fromEnv = env[credentialVariable(scheme)];
    if (fromEnv !== undefined && fromEnv !== '') credentials[scheme] = fromEnv;
  }
  for (const flag of flags ?? []) {
    const equals = flag.indexOf('=');
    const name = equals < 0 ? flag : flag.slice(0, equals);
    if (equals < 1)
      throw new CliError(
        `\`--auth ${name}\` gives no credential; write --auth <scheme>=<credential>`,
      );
    if (!schemes.includes(name))
      throw new CliError(
        `the spec has no security scheme \`${name}\`; it has ${schemes.join(', ') || 'none'}`,
      );
    credentials[name] = flag.slice(equals + 1);
  }
  return credentials;
}
