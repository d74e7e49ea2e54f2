#!/usr/bin/env node
// cgts's rustc wrapper: `<rustc> <args>` from cargo; code generation by cgts.
import { wrapperMain } from '../dist/src/cli.js';
wrapperMain(process.argv.slice(2)).then((code) => { process.exitCode = code; });
