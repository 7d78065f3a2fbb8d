#!/usr/bin/env node
// The `recon` command. Sources are TypeScript run through tsx, so `npm install`
// is the only step before use: there is no separate compile.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
