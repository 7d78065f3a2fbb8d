/** CLI output for people: plain lines on stdout, problems on stderr. Logs go through pino. */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
