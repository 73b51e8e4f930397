// An in-process implementation of the Vacation API (vacation.specl), in memory.
import { randomUUID } from 'node:crypto';
import type { Employee, Handlers, VacationRequest } from '../generated/types.js';

/**
 * A fresh implementation with empty state: `specl verify --impl` calls it for every run.
 * A request with an idempotency key that was seen before, with the same body, answers what
 * it answered then.
 */
export function createHandlers(): Handlers {
  const employees = new Map<string, Employee>();
  const requests: VacationRequest[] = [];
  const answered = new Map<string, { body: string; request: VacationRequest }>();

  return {
    async createEmployee({ body }) {
      const employee: Employee = { id: randomUUID(), ...body, tags: [] };
      employees.set(employee.id, employee);
      return { status: 201, body: employee };
    },

    async getEmployee({ id }) {
      const employee = employees.get(id);
      if (!employee) return { status: 404, body: { message: `no employee ${id}` } };
      return { status: 200, body: employee };
    },

    async requestVacation({ id, dryRun, idempotencyKey, body }) {
      const employee = employees.get(id);
      if (!employee) return { status: 404, body: { message: `no employee ${id}` } };
      const key = `${id}\u0000${idempotencyKey}`;
      const seen = answered.get(key);
      if (seen && seen.body === JSON.stringify(body)) return { status: 201, body: seen.request };
      if (body.days > employee.balance)
        return { status: 409, body: { available: employee.balance, requested: body.days } };
      const request: VacationRequest = {
        id: randomUUID(),
        employeeId: id,
        ...body,
        status: 'pending',
      };
      if (dryRun) return { status: 201, body: request };
      employee.balance -= body.days;
      requests.push(request);
      answered.set(key, { body: JSON.stringify(body), request });
      return { status: 201, body: request };
    },

    async listRequests({ id, status, limit }) {
      if (!employees.has(id)) return { status: 404, body: { message: `no employee ${id}` } };
      const mine = requests.filter((r) => r.employeeId === id && (!status || r.status === status));
      return { status: 200, body: mine.slice(0, limit ?? 100) };
    },
  };
}
