#!/usr/bin/env -S node --no-node-snapshot
// isolated-vm needs Node started with --no-node-snapshot (the shebang passes it).
import { exitQuietlyOnClosedPipe, main } from '../dist/cli/main.js';

exitQuietlyOnClosedPipe();
process.exitCode = await main(process.argv.slice(2));
