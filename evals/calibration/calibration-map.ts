/**
 * The stored confidence calibration: one isotonic mapping per answer source,
 * prompt (or rules) version and model, fitted by `recon eval calibrate` on a
 * calibration split and committed in `evals/calibration/confidence-map.json`.
 * At run time the graph maps each suggestion's raw confidence through the
 * entry of its own versions; answers of other versions stay raw, so a new
 * prompt or model is never judged by an old one's curve.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ConfidenceCalibration } from '../../agents/agent-ports.ts';
import { applyIsotonic, type CalibrationPoint } from './isotonic.ts';

export const DEFAULT_CALIBRATION_FILE = new URL('./confidence-map.json', import.meta.url);

/** Calibrated confidences stay inside [0.01, 0.99], like the rules' own: never certain, never worthless. */
const FLOOR = 0.01;
const CEILING = 0.99;

export const calibrationKeySchema = z.object({ source: z.string(), promptVersion: z.string(), model: z.string().nullable() });
export type CalibrationKey = z.output<typeof calibrationKeySchema>;

export const calibrationEntrySchema = z.object({
  key: calibrationKeySchema,
  method: z.literal('isotonic'),
  fittedAt: z.string(),
  /** The case files of the calibration split. */
  fittedOn: z.array(z.string()),
  samples: z.number().int(),
  points: z.array(z.object({ from: z.number(), to: z.number(), value: z.number().min(0).max(1), count: z.number().int() })),
});
export type CalibrationEntry = z.output<typeof calibrationEntrySchema>;

export const calibrationMapSchema = z.object({ version: z.literal(1), entries: z.array(calibrationEntrySchema) });
export type CalibrationMap = z.output<typeof calibrationMapSchema>;

export const keyText = (k: CalibrationKey) => `${k.source}|${k.promptVersion}|${k.model ?? '-'}`;

export function readCalibrationMap(file: URL | string = DEFAULT_CALIBRATION_FILE): CalibrationMap | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return calibrationMapSchema.parse(JSON.parse(text));
}

/** Adds or replaces the entry for its key. */
export function withEntry(map: CalibrationMap | null, entry: CalibrationEntry): CalibrationMap {
  const others = (map?.entries ?? []).filter((e) => keyText(e.key) !== keyText(entry.key));
  return { version: 1, entries: [...others, entry].sort((a, b) => keyText(a.key).localeCompare(keyText(b.key))) };
}

export function calibratePoints(points: readonly CalibrationPoint[], raw: number): number {
  return Math.round(Math.min(CEILING, Math.max(FLOOR, applyIsotonic(points, raw))) * 1000) / 1000;
}

/** The run-time mapping the graph's verify step applies (agents/agent-ports.ts `calibrate`). */
export function calibrationFrom(map: CalibrationMap): ConfidenceCalibration {
  const byKey = new Map(map.entries.map((e) => [keyText(e.key), e.points]));
  return {
    id: map.entries.map((e) => keyText(e.key)).join(', '),
    calibrate(raw, by) {
      const points = byKey.get(keyText({ source: by.source, promptVersion: by.promptVersion, model: by.model ?? null }));
      return points ? calibratePoints(points, raw) : raw;
    },
  };
}
