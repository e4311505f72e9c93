#!/usr/bin/env node
// The command as the package ships it, built to JavaScript (dist/package/cli.js): no TypeScript at run time.
import { main } from './main.ts'

process.exitCode = await main(process.argv.slice(2))
