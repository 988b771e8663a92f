#!/usr/bin/env node
// Plain JavaScript on purpose: it must run on old Node versions to tell the user which one is needed.
const REQUIRED = [22, 22];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
  process.stderr.write(
    `shelfsync needs Node.js ${REQUIRED.join('.')} or newer (Node 24 LTS recommended); this is Node ${process.versions.node}.\n`,
  );
  process.exit(2);
}

const { existsSync } = await import('node:fs');
const { fileURLToPath } = await import('node:url');
// In a source checkout Node runs the TypeScript directly (type stripping); a packed install runs dist/.
const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/src/cli/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(source)) ? source : built;
// Starts again under shelfsync's V8 options (a smaller young generation) where it can; see node-flags.
const { relaunchWithNodeFlags } = await import(entry.href.replace(/main\.(ts|js)$/, 'node-flags.$1'));
relaunchWithNodeFlags();
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
