import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { writeBulkCsv } from '../../evals/generator/bulk.ts';
import { generateCases } from '../../evals/generator/generate-cases.ts';
import { DIFFICULTIES, type Difficulty } from '../../evals/generator/noise.ts';
import { isCurrencyCode } from '../../core/money/currency.ts';
import type { Command } from '../command.ts';
import { print } from '../output.ts';

const USAGE = `recon generate --cases N [--seed S] [--domain cash|securities] [--difficulty ${DIFFICULTIES.join('|')}] [--currencies EUR,USD] [--breaks K] [--matches M] --out file.jsonl\n       recon generate --bulk N [--seed S] --out folder   (bank and ledger CSV, N records per side)`;

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Write seeded, labeled evaluation cases (contract format, JSON Lines) with every break type, cash or securities',
  usage: USAGE,
  async run({ argv }) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        cases: { type: 'string' },
        seed: { type: 'string', default: '1' },
        domain: { type: 'string', default: 'cash' },
        breaks: { type: 'string', default: '4' },
        matches: { type: 'string', default: '6' },
        out: { type: 'string' },
        bulk: { type: 'string' },
        currencies: { type: 'string' },
        difficulty: { type: 'string', default: 'clean' },
      },
    });
    if (values.bulk !== undefined) {
      const records = Number(values.bulk);
      if (!Number.isInteger(records) || records < 1 || !values.out) throw new AppError('validation_failed', `recon generate --bulk needs a positive record count and --out with a folder\nUsage: ${USAGE}`);
      await mkdir(values.out, { recursive: true });
      const paths = await writeBulkCsv(values.out, records, Number(values.seed));
      print(`Wrote ${records} bank records to ${paths.external} and the ledger to ${paths.internal} (about 2 % breaks).`);
      return 0;
    }
    const cases = Number(values.cases);
    const seed = Number(values.seed);
    const problems: string[] = [];
    if (!Number.isInteger(cases) || cases < 1) problems.push('--cases as a positive whole number');
    if (!Number.isInteger(seed)) problems.push('--seed as a whole number');
    if (!values.out) problems.push('--out with a file name');
    if (values.domain !== 'cash' && values.domain !== 'securities') problems.push('--domain cash or --domain securities');
    if (!DIFFICULTIES.includes(values.difficulty as Difficulty)) problems.push(`--difficulty as one of ${DIFFICULTIES.join(', ')}`);
    const currencies = values.currencies?.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    if (currencies?.some((c) => !isCurrencyCode(c))) problems.push('--currencies as ISO 4217 codes separated by commas');
    if (problems.length > 0) throw new AppError('validation_failed', `recon generate needs ${problems.join(', ')}\nUsage: ${USAGE}`);
    const generated = generateCases({
      cases,
      seed,
      domain: values.domain as 'cash' | 'securities',
      breaksPerCase: Number(values.breaks),
      matchesPerCase: Number(values.matches),
      difficulty: values.difficulty as Difficulty,
      ...(currencies ? { currencies } : {}),
    });
    const out = createWriteStream(values.out!);
    for (const c of generated) if (!out.write(`${JSON.stringify(c)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    print(`Wrote ${generated.length} cases (seed ${seed}) to ${values.out}.`);
    return 0;
  },
};
