/** Paths to the real statement files in test/fixtures/external (sources and licences in its SOURCES.md). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXTERNAL_FIXTURES = fileURLToPath(new URL('./fixtures/external/', import.meta.url));

export function fixturePath(relative: string): string {
  return `${EXTERNAL_FIXTURES}${relative}`;
}

export function readFixture(relative: string): Uint8Array {
  return readFileSync(fixturePath(relative));
}
