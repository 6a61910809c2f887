#!/usr/bin/env node
// The `ptp-mcp` command: bundled by `npm run build` into dist/bundle/ptp-mcp.js (the package's bin).
import 'reflect-metadata';
import { runCli } from './main.js';

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
