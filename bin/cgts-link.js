#!/usr/bin/env node
// cgts's link shim: compiles rustc's bitcode inputs with cgts, then runs cc.
import { linkMain } from '../dist/src/cli.js';
linkMain(process.argv.slice(2)).then((code) => { process.exitCode = code; });
