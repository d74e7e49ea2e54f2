#!/usr/bin/env node
// Entry point installed as `cgts`: runs the compiled CLI.
import { main } from '../dist/src/cli.js';
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
