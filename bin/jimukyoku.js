#!/usr/bin/env node
// The CLI entry named in package.json "bin": runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
