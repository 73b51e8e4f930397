// The vacation example as a team would lay it out for agents working in parallel: the spec
// with three tags, and an implementation split by tag (one module each, over a shared store),
// its three modules left empty for the agents to write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import type { AgentOptions, AgentResult } from '@specl/agent';
import { runAgent } from '@specl/agent';
import { lowerFiles } from '../helpers/lower.js';
import { TEST_KEY, repoRoot, vacationProject } from './agent-helpers.js';
import type { FakeMessagesApi } from './fake-messages-api.js';

const plain = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');

/** Tags every endpoint: hiring (createEmployee), employees (getEmployee), requests (the other two). */
function tagged(text: string): string {
  const tagIn = (endpoint: string, tag: string, out: string) => {
    const header = new RegExp(`(endpoint ${endpoint} [^\\n]*\\{\\n)`);
    if (!header.test(out)) throw new Error(`no endpoint ${endpoint} in the vacation spec`);
    return out.replace(header, `$1  tags ${tag}\n`);
  };
  let out = text.replace(
    /(\nenum RequestStatus)/,
    '\n/// Hiring.\ntag Hiring\n\n/// Reading employees.\ntag Employees\n\n/// Vacation requests.\ntag Requests\n$1',
  );
  out = tagIn('createEmployee', 'Hiring', out);
  out = tagIn('getEmployee', 'Employees', out);
  out = tagIn('requestVacation', 'Requests', out);
  out = tagIn('listRequests', 'Requests', out);
  return out;
}

/** The tagged spec's text. */
export const taggedSpec = tagged(plain);

/** The state the modules share. */
export const storeModule = `import type { Employee, VacationRequest } from '../generated/types.js';

/** The state every handler of one implementation shares. */
export interface Store {
  readonly employees: Map<string, Employee>;
  readonly requests: VacationRequest[];
  readonly answered: Map<string, { body: string; request: VacationRequest }>;
}

export const createStore = (): Store => ({ employees: new Map(), requests: [], answered: new Map() });
`;

/** The entry module: one store, the three modules' handlers. */
const entryModule = `import type { Handlers } from '../generated/types.js';
import { employeeHandlers } from './employees.js';
import { hiringHandlers } from './hiring.js';
import { requestHandlers } from './requests.js';
import { createStore } from './store.js';

export function createHandlers(): Handlers {
  const store = createStore();
  return { ...hiringHandlers(store), ...employeeHandlers(store), ...requestHandlers(store) } as Handlers;
}
`;

const empty = (name: string) =>
  `import type { Store } from './store.js';\n\nexport const ${name} = (_store: Store) => ({});\n`;

/** What each module holds when it is written right. */
export const modules = {
  'hiring.ts': `import { randomUUID } from 'node:crypto';
import type { Employee } from '../generated/types.js';
import type { Store } from './store.js';

export const hiringHandlers = (store: Store) => ({
  async createEmployee({ body }: { body: Omit<Employee, 'id' | 'tags'> }) {
    const employee: Employee = { id: randomUUID(), ...body, tags: [] };
    store.employees.set(employee.id, employee);
    return { status: 201, body: employee };
  },
});
`,
  'employees.ts': `import type { Store } from './store.js';

export const employeeHandlers = (store: Store) => ({
  async getEmployee({ id }: { id: string }) {
    const employee = store.employees.get(id);
    if (!employee) return { status: 404, body: { message: \`no employee \${id}\` } };
    return { status: 200, body: employee };
  },
});
`,
  'requests.ts': `import { randomUUID } from 'node:crypto';
import type { NewRequest, RequestStatus, VacationRequest } from '../generated/types.js';
import type { Store } from './store.js';

const notFound = (id: string) => ({ status: 404, body: { message: \`no employee \${id}\` } });

export const requestHandlers = (store: Store) => ({
  async requestVacation(input: { id: string; dryRun?: boolean; idempotencyKey: string; body: NewRequest }) {
    const { id, dryRun, idempotencyKey, body } = input;
    const employee = store.employees.get(id);
    if (!employee) return notFound(id);
    const key = \`\${id}\\u0000\${idempotencyKey}\`;
    const seen = store.answered.get(key);
    if (seen && seen.body === JSON.stringify(body)) return { status: 201, body: seen.request };
    if (body.days > employee.balance)
      return { status: 409, body: { available: employee.balance, requested: body.days } };
    const request: VacationRequest = { id: randomUUID(), employeeId: id, ...body, status: 'pending' };
    if (dryRun) return { status: 201, body: request };
    employee.balance -= body.days;
    store.requests.push(request);
    store.answered.set(key, { body: JSON.stringify(body), request });
    return { status: 201, body: request };
  },

  async listRequests({ id, status, limit }: { id: string; status?: RequestStatus; limit?: number }) {
    if (!store.employees.has(id)) return notFound(id);
    const mine = store.requests.filter((r) => r.employeeId === id && (!status || r.status === status));
    return { status: 200, body: mine.slice(0, limit ?? 100) };
  },
});
`,
} as const;

/** requests.ts approving every request at once: \`ensures response.status == pending\` breaks. */
export const approvingRequests = modules['requests.ts'].replace(
  "status: 'pending' }",
  "status: 'approved' }",
);
if (approvingRequests === modules['requests.ts'])
  throw new Error('the planted defect no longer applies');

/** A vacation project with the tagged spec and the modular layout, its modules empty. */
export function modularProject() {
  const project = vacationProject({
    'handlers.ts': entryModule,
    'store.ts': storeModule,
    'hiring.ts': empty('hiringHandlers'),
    'employees.ts': empty('employeeHandlers'),
    'requests.ts': empty('requestHandlers'),
  });
  writeFileSync(project.spec, taggedSpec);
  return project;
}

let ir: SpecIR | undefined;

/** Runs the agent on a modular project against the stand-in API, 10 runs per check. */
export async function parallelOn(
  api: FakeMessagesApi,
  project: ReturnType<typeof modularProject>,
  options: Partial<AgentOptions> = {},
): Promise<AgentResult> {
  ir ??= await lowerFiles({ '/vacation.specl': taggedSpec }, '/vacation.specl');
  return runAgent({
    mode: 'implement',
    ir,
    specFile: project.spec,
    implDir: project.impl,
    projectRoot: project.root,
    apiKey: TEST_KEY,
    baseURL: api.baseURL,
    runs: 10,
    maxRetries: 0,
    ...options,
  });
}

/** The key of an author's conversation: the endpoints its system prompt asks it to implement. */
export const authorKey = (...endpoints: string[]) =>
  `Implement the endpoints ${endpoints.map((e) => `\`${e}\``).join(', ')} (keep the others`;

/** The key of a critic's conversation. */
export const criticKey = (...endpoints: string[]) =>
  `review the work on the endpoints ${endpoints.map((e) => `\`${e}\``).join(', ')}:`;

/** The key of the merge agent's conversation. */
export const MERGE_KEY = 'Implement every endpoint';
