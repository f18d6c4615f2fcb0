#!/usr/bin/env node
// The `tandem` command: its compiled JavaScript, or its sources when they changed since (modules.js).
import { tandemModule } from './modules.js';

const { main } = await tandemModule('cli/main');
process.exitCode = await main(process.argv.slice(2));
