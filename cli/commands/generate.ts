import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { AppError } from '../../core/errors/app-error.ts';
import { generateCases } from '../../evals/generator/generate-cases.ts';
import type { Command } from '../command.ts';
import { print } from '../output.ts';

const USAGE = 'recon generate --cases N [--seed S] [--domain cash|securities] [--breaks K] [--matches M] --out file.jsonl';

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
      },
    });
    const cases = Number(values.cases);
    const seed = Number(values.seed);
    const problems: string[] = [];
    if (!Number.isInteger(cases) || cases < 1) problems.push('--cases as a positive whole number');
    if (!Number.isInteger(seed)) problems.push('--seed as a whole number');
    if (!values.out) problems.push('--out with a file name');
    // TODO(#4): a bulk mode for benchmark files (a million records per side).
    if (values.domain !== 'cash' && values.domain !== 'securities') problems.push('--domain cash or --domain securities');
    if (problems.length > 0) throw new AppError('validation_failed', `recon generate needs ${problems.join(', ')}\nUsage: ${USAGE}`);
    const generated = generateCases({ cases, seed, domain: values.domain as 'cash' | 'securities', breaksPerCase: Number(values.breaks), matchesPerCase: Number(values.matches) });
    const out = createWriteStream(values.out!);
    for (const c of generated) if (!out.write(`${JSON.stringify(c)}\n`)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    print(`Wrote ${generated.length} cases (seed ${seed}) to ${values.out}.`);
    return 0;
  },
};
