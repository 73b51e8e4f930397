/**
 * The shape a string of each string format must have to be an example or default of it (the
 * checker's test, which import applies too before it writes an example from a document).
 */
export const FORMAT_SHAPES: Readonly<Record<string, RegExp>> = {
  Uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  Email: /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/,
  Url: /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/,
  Date: /^\d{4}-\d{2}-\d{2}$/,
  DateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  UriTemplate: uriTemplateShape(),
};

/**
 * A URI template as RFC 6570 writes it: literals (no space, quote, `<>\\^\`|` or bare `%`) and
 * expressions `{op var,var:3,list*}`. Linear: a literal never starts an expression.
 */
function uriTemplateShape(): RegExp {
  const varchar = '(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})';
  const varspec = `${varchar}(?:\\.?${varchar})*(?::[1-9][0-9]{0,3}|\\*)?`;
  const expression = `\\{[+#./;?&=,!@|]?${varspec}(?:,${varspec})*\\}`;
  const literal = '(?:[^\\x00-\\x20"\'%<>\\\\^`{|}\\x7f]|%[0-9A-Fa-f]{2})';
  return new RegExp(`^(?:${literal}|${expression})*$`, 'u');
}
