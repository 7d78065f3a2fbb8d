/** The shape every `recon` subcommand has. */
import type { Config } from '../core/config/config-schema.ts';

export interface CommandContext {
  readonly config: Config;
  /** Arguments after the subcommand name. */
  readonly argv: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the process exit code; long-running commands resolve when they stop. */
  run(context: CommandContext): Promise<number>;
}
