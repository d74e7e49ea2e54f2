#!/usr/bin/env node
// `cargo cgts ...`: cargo runs this as `cargo-cgts cgts ...`; the same as `cgts cargo ...`.
import { main } from '../dist/src/cli.js';
const args = process.argv.slice(2);
if (args[0] === 'cgts') args.shift();
main(['cargo', ...args]).then((code) => { process.exitCode = code; });
