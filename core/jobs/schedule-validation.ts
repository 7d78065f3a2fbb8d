/**
 * Pure checks of a reconciliation's schedule: the cron expression's shape and
 * the IANA time zone. The scheduler's cron library decides the exact firing
 * times; these only refuse what it could never read, with a message a person
 * can act on.
 */

/** Five cron fields (minute hour day month weekday), or six with seconds first. */
const CRON_FIELD = /^[\d*,/\-A-Za-z?LW#]+$/;

const RANGES: readonly (readonly [number, number])[] = [
  [0, 59], // minute
  [0, 23], // hour
  [1, 31], // day of month
  [1, 12], // month
  [0, 7], // day of week (0 and 7: Sunday)
];
const SECONDS: readonly [number, number] = [0, 59];

/** Why the expression is not a cron schedule, or undefined when it is one. */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 && fields.length !== 6) return `expected 5 fields (minute hour day month weekday) or 6 with seconds first, got ${fields.length}`;
  const ranges = fields.length === 6 ? [SECONDS, ...RANGES] : RANGES;
  for (const [i, field] of fields.entries()) {
    if (!CRON_FIELD.test(field)) return `field ${i + 1} ("${field}") has characters a cron field cannot hold`;
    const [min, max] = ranges[i]!;
    // Plain numbers (in lists, ranges and steps' starts) must be inside the field's range.
    for (const part of field.split(/[,\-/]/)) {
      if (!/^\d+$/.test(part)) continue;
      const n = Number(part);
      const isStep = field.includes(`/${part}`);
      if (!isStep && (n < min || n > max)) return `field ${i + 1} ("${field}"): ${n} is outside ${min}–${max}`;
      if (isStep && n === 0) return `field ${i + 1} ("${field}"): a step of 0 never advances`;
    }
  }
  return undefined;
}

export function isCronExpression(expression: string): boolean {
  return cronProblem(expression) === undefined;
}

/** Whether the runtime knows the IANA zone (`Europe/Berlin`, `UTC`). Intl is part of the language, not I/O. */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
