#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so that `npm ci` alone makes `npx precis` work.
import {register} from 'tsx/esm/api';

register();
await import('../src/cli/cli.ts');
