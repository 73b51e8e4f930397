import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, isDate, isDateTime, isEmail, isUrl, isUuid } from '@specl/runtime';

// A day inside years 0000-9999 on both sides, so that any offset keeps the local time in range.
const dates = fc.date({
  min: new Date('0000-01-02T00:00:00Z'),
  max: new Date('9999-12-30T23:59:59Z'),
  noInvalidDate: true,
});

/** A date-time written with an offset of `minutes` (east positive), naming the same instant. */
function withOffset(date: Date, minutes: number): string {
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 23);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

const offsets = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

describe('formats agree with the values fast-check generates', () => {
  it('reads every fc.uuid, fc.emailAddress and fc.webUrl', () => {
    fc.assert(fc.property(fc.uuid(), (uuid) => isUuid(uuid)));
    fc.assert(fc.property(fc.emailAddress(), (email) => isEmail(email)));
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) =>
        isUrl(url),
      ),
    );
  });

  it('reads every ISO date and date-time, whatever the offset', () => {
    fc.assert(
      fc.property(dates, offsets, (date, offset) => {
        expect(isDate(date.toISOString().slice(0, 10))).toBe(true);
        expect(isDateTime(date.toISOString())).toBe(true);
        expect(isDateTime(withOffset(date, offset))).toBe(true);
      }),
    );
  });

  it('orders date-times as the instants they name', () => {
    fc.assert(
      fc.property(dates, dates, offsets, offsets, (a, b, x, y) => {
        const expected = Math.sign(a.getTime() - b.getTime());
        expect(Math.sign(compareValues(withOffset(a, x), withOffset(b, y), 'datetime'))).toBe(
          expected,
        );
      }),
    );
  });
});
