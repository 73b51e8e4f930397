/** `specl init --help`. */
export const initHelp = `Usage: specl init [folder] [--name <Name>]

Starts a Specl project in a folder (default: the current one): a spec, its compiled outputs,
an implementation skeleton generated from the spec, a GitHub Actions workflow and editor
settings. Writes nothing when any of these files exists already.

  specs/<name>.specl              the spec (edit it)
  src/generated/                  openapi.json, types.ts, properties.ts (specl compile)
  src/handlers.ts                 createHandlers(): one method an endpoint, to write
  .github/workflows/specl.yml     check, compile --check and verify on every push
  .vscode/settings.json           editor settings

Options:
  --name <Name>   the spec's name (default: the folder's name, in PascalCase)
  -h, --help      show this help
`;
