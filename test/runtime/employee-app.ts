// A tiny part of the Vacation API (vacation.specl) for the middleware tests, framework-free:
// POST /employees and GET /employees/{id}. An employee named `liar` is answered with one day
// more than was asked for, which breaks `ensures response.balance == body.balance`.
import { randomUUID } from 'node:crypto';

/** An answer: status and JSON body. */
export interface AppAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A fresh app with an empty store. */
export function employeeApp() {
  const employees = new Map<string, Record<string, unknown>>();
  return {
    answer(method: string, path: string, body: unknown): AppAnswer {
      if (method === 'POST' && path === '/employees') {
        const asked = (body ?? {}) as Record<string, unknown>;
        if (typeof asked['name'] !== 'string' || asked['name'] === '')
          return { status: 400, body: { message: 'name is required' } };
        const balance = Number(asked['balance']) + (asked['name'] === 'liar' ? 1 : 0);
        const employee = { id: randomUUID(), ...asked, balance, tags: [] };
        employees.set(employee.id, employee);
        return { status: 201, body: employee };
      }
      const match = /^\/employees\/([^/]+)$/.exec(path);
      if (method === 'GET' && match) {
        const employee = employees.get(decodeURIComponent(match[1]!));
        return employee
          ? { status: 200, body: employee }
          : { status: 404, body: { message: 'no such employee' } };
      }
      return { status: 404, body: { message: 'no route' } };
    },
  };
}
