import { describe, expect, it } from 'vitest';
import { checkOptions, fieldOfError, isCalendarDate } from './notes-options';

const empty = { from: '', to: '', date: '', version: '' };

describe('the Notes fields', () => {
  it('sends only what was filled in, trimmed', () => {
    expect(checkOptions(empty)).toEqual({ ok: true, request: {} });
    expect(checkOptions({ from: ' 2026.1.2 ', to: '2026.1.3', date: '2026-03-02', version: ' 2026.3.0' })).toEqual({
      ok: true,
      request: { from: '2026.1.2', to: '2026.1.3', date: '2026-03-02', version: '2026.3.0' },
    });
  });

  it('refuses a ref git would refuse, and a day that does not exist, at the field', () => {
    expect(checkOptions({ ...empty, to: 'main~2' })).toMatchObject({ ok: false, error: { field: 'to' } });
    expect(checkOptions({ ...empty, from: '-x' })).toMatchObject({ ok: false, error: { field: 'from' } });
    expect(checkOptions({ ...empty, date: '2026-02-30' })).toMatchObject({ ok: false, error: { field: 'date' } });
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-3-1')).toBe(false);
  });

  it('puts main’s refusal on the field it is about', () => {
    const taken = { code: 'INVALID_ARGUMENTS' as const, message: 'The tag 2026.1.3 already exists.' };
    expect(fieldOfError(taken, { version: '2026.1.3' })).toEqual({ field: 'version', message: taken.message });
    expect(fieldOfError(taken, {})).toBeNull();
    const missing = {
      code: 'REF_MISSING' as const,
      message: 'The starting point "nope" does not exist in this repository.',
    };
    expect(fieldOfError(missing, { from: 'nope', to: 'main' })).toMatchObject({ field: 'from' });
    expect(fieldOfError(missing, { to: 'nope' })).toMatchObject({ field: 'to' });
    expect(fieldOfError({ code: 'CONFIG_INVALID', message: 'x' }, { from: 'a' })).toBeNull();
  });
});
