import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * `npm run bench -- NAME` runs bench/scenarios/NAME.ts; without a name it lists the scenarios.
 * A scenario module exports `description` (one line) and `run(args)`.
 */
interface Scenario {
  readonly description: string;
  run(args: readonly string[]): Promise<void>;
}

const scenarioDir = resolve(import.meta.dirname, 'scenarios');

function scenarioNames(): string[] {
  return readdirSync(scenarioDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
    .map((file) => basename(file, '.ts'))
    .sort();
}

async function load(name: string): Promise<Scenario> {
  return (await import(pathToFileURL(resolve(scenarioDir, `${name}.ts`)).href)) as Scenario;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const names = scenarioNames();
  if (!name || name === '--help' || name === '-h') {
    console.log('usage: npm run bench -- <scenario> [args]\n\nscenarios:');
    for (const each of names) console.log(`  ${each.padEnd(12)} ${(await load(each)).description}`);
    return;
  }
  if (!names.includes(name)) {
    console.error(`unknown scenario "${name}"; one of: ${names.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  await (await load(name)).run(args);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
