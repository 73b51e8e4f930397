/**
 * Dates and times as Specl reads them: `Date` is an RFC 3339 full-date (`2024-02-29`),
 * `DateTime` an RFC 3339 date-time with a mandatory offset (`2024-02-29T13:45:00.5+01:00`).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (exact for every year). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  // Count from March, so that the leap day ends a year; eras of 400 years repeat exactly.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Whether a value is a `Date`: `YYYY-MM-DD`, a day that exists (`2023-02-29` does not). */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * An instant: whole seconds since 1970-01-01T00:00:00Z, and the fraction of a second as its
 * decimal digits without trailing zeros (`"5"` for `.500`), so that instants compare exactly
 * however many digits they are written with.
 */
export interface Instant {
  readonly seconds: number;
  readonly fraction: string;
}

/**
 * The instant a `DateTime` names, or undefined when the value is not a valid RFC 3339
 * date-time. A leap second (`:60`) is accepted only at 23:59 UTC, and reads as the next second.
 */
export function parseInstant(value: unknown): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE_TIME.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 60)
    return undefined;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const local = daysSinceEpoch(year, month, day) * 86400 + hour * 3600 + minute * 60;
  const utcMinutes = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  if (second === 60 && utcMinutes !== 1439) return undefined;
  return {
    seconds: local - offsetMinutes * 60 + second,
    fraction: (match[7] ?? '').replace(/0+$/, ''),
  };
}

/** Whether a value is a `DateTime`: an RFC 3339 date-time with an offset (`Z` or `+01:00`). */
export function isDateTime(value: unknown): value is string {
  return parseInstant(value) !== undefined;
}
