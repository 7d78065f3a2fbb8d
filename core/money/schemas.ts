/** zod schemas for money fields, shared by records, resolutions and the API. */
import { z } from 'zod';
import { isCurrencyCode } from './currency.ts';
import { DECIMAL_PATTERN } from './decimal.ts';

export const decimalStringSchema = z
  .string()
  .regex(DECIMAL_PATTERN, { message: 'expected a decimal string such as "-1250.00" (digits, optional sign, "." for decimals)' });

export const currencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, { message: 'expected an ISO 4217 currency code such as "EUR"' });
