/** zod schemas for money fields, shared by records, resolutions, configuration and the API. */
import { z } from 'zod';
import { isCurrencyCode } from './currency.ts';
import { DECIMAL_PATTERN, MAX_DECIMAL_LENGTH } from './decimal.ts';

/**
 * A signed decimal string ("-12.50", "985", "0.001"). Amounts travel as text,
 * never as JSON numbers, which would be floats by the time anyone reads them.
 * Accepts exactly what `parseDecimal` accepts.
 */
export const decimalStringSchema = z
  .string()
  .max(MAX_DECIMAL_LENGTH)
  .regex(DECIMAL_PATTERN, { message: 'expected a decimal string such as "-1250.00" (digits, optional sign, "." for decimals)' });

/** An ISO 4217 code as `isCurrencyCode` knows it, upper-case ("EUR", not "eur"). */
export const currencyCodeSchema = z
  .string()
  // Abort on the shape check so a malformed code gets one message, not two.
  .regex(/^[A-Z]{3}$/, { message: 'expected a currency code of three upper-case letters such as "EUR"', abort: true })
  .refine(isCurrencyCode, { message: 'expected an ISO 4217 currency code such as "EUR"' });
