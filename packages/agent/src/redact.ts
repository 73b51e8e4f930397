/** Secrets shorter than this are not real API keys; replacing them would garble the text. */
const MIN_SECRET_LENGTH = 8;

/** Text with every occurrence of each secret replaced by `[redacted]`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>(
    (done, secret) =>
      secret !== undefined && secret.length >= MIN_SECRET_LENGTH
        ? done.split(secret).join('[redacted]')
        : done,
    text,
  );
}
