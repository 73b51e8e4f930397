/** A value a message template puts in place of one of its parameters. */
export type MessageArgument = string | number;

/**
 * A diagnostic message with named parameters, written with {@link message}:
 * message`unknown HTTP method \`${'method'}\`${'fix'}` has the parameters `method` and `fix`.
 */
export interface MessageTemplate<P extends string = string> {
  readonly strings: readonly string[];
  readonly keys: readonly P[];
}

/** Writes a message template: each `${'name'}` is a parameter, filled in by {@link formatMessage}. */
export function message<const P extends readonly string[]>(
  strings: TemplateStringsArray,
  ...keys: P
): MessageTemplate<P[number]> {
  return { strings: [...strings], keys };
}

/** The arguments a template takes: one per parameter name. */
export type MessageArguments<T> =
  T extends MessageTemplate<infer P> ? { readonly [K in P]: MessageArgument } : never;

/** A template with its parameters filled in. */
export function formatMessage<T extends MessageTemplate>(
  template: T,
  args: MessageArguments<T>,
): string {
  const values = args as Readonly<Record<string, MessageArgument>>;
  let text = template.strings[0] ?? '';
  template.keys.forEach((key, i) => {
    text += String(values[key]) + (template.strings[i + 1] ?? '');
  });
  return text;
}
