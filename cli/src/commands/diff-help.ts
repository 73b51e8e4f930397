/** The help of `specl diff`. */
export const diffHelp = `Usage: specl diff <old> <new> [options]

Compares two versions of a spec and classifies every change as breaking, non-breaking or
unknown for the API's consumers, with the reason and its place in both versions; then checks
that the new version number carries the semver bump the changes need.

Each of <old> and <new> is a spec file, or git:<ref>:<path> to read it (and every file it
imports) at a git ref of the repository around the working folder, as \`git show\` does:
the path is relative to the top of the repository, or to the working folder when it starts
with ./ or ../ (git:main:api/shop.specl, git:HEAD~1:./shop.specl).

Options:
  --format <text|json|sarif|markdown>  output format (default: text; markdown fits a pull
                                       request comment)
  --output <file>                      write the report to a file instead of stdout
  --fail-on <breaking|any|none>        exit 1 when the new version does not carry the bump
                                       the breaking changes need (breaking, the default), the
                                       bump any change needs (any; unknown changes count as
                                       breaking), or never (none)
  --cache                              keep each version's checked and lowered form in
                                       .specl/cache under the working folder, and use it
                                       while every file it was built from reads the same
                                       (a base version diffed again is not checked again)
  --parallel                           check the two versions in two threads at once
                                       (large specs on two cores or more; slower than one
                                       thread on the machines measured, see docs/diff.md)
  --color, --no-color                  force colour on or off
  -h, --help                           show this help

Bumps: breaking and unknown changes need a major bump, other changes of the contract a minor
one, changes that keep the meaning (doc comments, reworded conditions) a patch. In 0.y.z
versions everything moves down one: breaking changes need the minor version to go up.

Exit codes: 0 compared (and the version carries the bump), 1 the version does not carry
the bump --fail-on asks for, 2 the specs could not be compared (usage error, a missing file
or ref, a spec with errors).
`;
