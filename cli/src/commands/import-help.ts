/** The help of `specl import`. */
export const importHelp = `Usage: specl import <openapi.json|yaml> [--out <file.specl>] [--split] [--force] [--allow-remote]

Imports an OpenAPI 3.0 or 3.1 or Swagger 2.0 document (JSON or YAML, with its local and
relative-file $refs) as a Specl spec: named types from components/schemas, enums, records,
unions, endpoints with their parameters, bodies and responses, errors, and doc comments.
What Specl cannot say is reported as a warning naming its JSON pointer and what was done
instead (approximated, widened, narrowed, renamed or left out), and kept in the spec as a
comment. The spec is formatted as \`specl fmt\` formats it and checked before it is written.

Options:
  --out <file>      where to write the spec (default: the document's name with .specl,
                    beside it); \`-\` writes it to standard output
  --split           write several files: the root (--out) with the spec header and properties,
                    and beside it a folder named after it with one file per tag (else per
                    path's first segment) holding its endpoints and the types only they use,
                    and common.specl (security schemes, tags, shared types); each file
                    imports what it uses
  --force           overwrite the output file(s) if they exist
  --allow-remote    fetch $refs to http(s) URLs (refused by default)
  --max-size <MB>   the largest document read (default 16)
  --ref-root <dir>  the folder $refs to files must stay inside (default: the working
                    folder when the document is inside it, else the document's folder);
                    a $ref to a file that is not JSON or YAML (Markdown, a code sample)
                    brings the file in as text
  --all-warnings    list every place of a warning (by default a warning said the same way at
                    more than 3 places is listed at the first 3, then counted)
  -h, --help        show this help

Exit codes: 0 imported, 2 the document cannot be imported (the message says why and where)
or the output exists.
`;
