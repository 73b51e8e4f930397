/** The help of `specl compile`. */
export const compileHelp = `Usage: specl compile <spec> --out <dir> [options]

Checks a spec (and every file it imports) and, when it has no errors, compiles it to the
contracts people and agents consume. Nothing is written from a spec with errors; files are
written atomically, and the same spec always gives byte-identical files.

Options:
  --out <dir>              the output folder (created if missing)
  --target <list>          what to write, comma-separated: openapi, types, properties
                           (default: all)
  --yaml                   also write openapi.yaml beside openapi.json
  --check                  write nothing; exit 1 if the files on disk differ from what would
                           be written (for CI)
  --watch                  recompile whenever the spec or a file it imports changes
  --force                  overwrite files in --out that specl did not write
  --color, --no-color      force colour on or off
  -h, --help               show this help

Exit codes: 0 compiled (or up to date), 1 the spec has errors (or --check found
differences), 2 usage error (unknown option, missing file, unwritable --out).
`;
