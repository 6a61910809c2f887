#!/usr/bin/env node
// The `ptp-mcp` command: bundled by `npm run build` into dist/bundle/ptp-mcp.js (the package's bin).
import 'reflect-metadata';
import { runCli } from './main.js';

// A reader that stops early (`| head`, an MCP client that went away) closes the pipe: the rest of the
// output is not wanted, which is no error and no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
