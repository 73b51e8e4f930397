/** The help of `specl fmt`. */
export const fmtHelp = `Usage: specl fmt [--check] [files or folders...]

Formats specs in place (folders are searched for *.specl files; with no argument, the
current folder is). Only the spacing between tokens changes, so a spec means the same
after formatting; formatting twice changes nothing more. Files are written atomically, and
only when formatting changes them. A file with syntax errors is left as it is.

Options:
  --check       write nothing; list the files that are not formatted (for CI)
  -h, --help    show this help

Exit codes: 0 all files formatted (or, with --check, already formatted), 1 a file has
syntax errors (or, with --check, is not formatted), 2 usage error.
`;
