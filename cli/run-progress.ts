/**
 * Progress of a run for people at a terminal: a bar redrawn in place on a
 * TTY, one line per phase otherwise (CI logs, pipes).
 */
import type { RunProgress } from '../agents/agent-ports.ts';

const WIDTH = 30;

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(p: RunProgress): void; end(): void } {
  let lastPhase = '';
  let drawn = false;
  return {
    update(p) {
      if (stream.isTTY) {
        const share = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
        const filled = Math.round(share * WIDTH);
        stream.write(`\r${p.phase.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.done}/${p.total}  `);
        drawn = true;
      } else if (p.phase !== lastPhase) {
        stream.write(`${p.phase}…\n`);
      }
      lastPhase = p.phase;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
