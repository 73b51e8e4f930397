/** The help of `specl check`. */
export const checkHelp = `Usage: specl check [options] [files or folders...]

Parses, links and validates specs (and every file they import), and prints each
problem as path:line:col: severity code: message, with the line under it.
Folders are searched for *.specl files; with no argument, the current folder is.

Options:
  --format <text|json|sarif>  output format (default: text)
  --output <file>             write the report to a file instead of stdout
  --color, --no-color         force colour on or off (default: on for a terminal;
                              NO_COLOR and FORCE_COLOR are honoured)
  -h, --help                  show this help

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`;
