// triage — level, routing, checklist and external reports of incident reports (組織的対策 9), by the same
// code the bot runs. This is the contract by which routing is checked; keep its output stable.
//   npm run triage -- --batch FILE.jsonl   one report per line (FILE "-" reads stdin)
//   npm run triage -- --json '{...}'       one report
// Each report: {"id","category","impact","personalData","personalDataCount","specificPersonalInfo",
// "unauthorizedAccess"}; each output line: {"id","level","notify","external","steps","citations"}.
// A line that is not a valid report prints {"line","id","error","issues"} on stderr, the other lines are
// still triaged, and the exit code is 2. Options: --pack DIR (default bot/policy-pack), --profile FILE
// (default bot/policy-pack/company-profile.example.yaml). Exit 1 when the pack or profile cannot be used.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { proceduresOf, triage, triageInputSchema, triageOutputSchema } from '../bot/src/incidents';
import type { IncidentContext } from '../bot/src/incidents';
import { loadCompanyProfile } from '../bot/src/policy/company-profile';
import { loadPolicyPack } from '../bot/src/policy/pack';
import { projectRoot } from '../bot/src/shared/project-root';

const USAGE = `usage: triage --batch FILE.jsonl [--pack DIR] [--profile FILE]
       triage --json '{"id":…,"category":…,…}' [--pack DIR] [--profile FILE]`;

class UsageError extends Error {}

interface Args {
  batch?: string;
  json?: string;
  pack: string;
  profile: string;
}

function parseArgs(argv: string[]): Args {
  const root = projectRoot();
  const args: Args = {
    pack: path.join(root, 'bot/policy-pack'),
    profile: path.join(root, 'bot/policy-pack/company-profile.example.yaml'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') continue;
    if (a === '--help' || a === '-h') throw new UsageError('');
    if (a !== '--batch' && a !== '--json' && a !== '--pack' && a !== '--profile')
      throw new UsageError(a.startsWith('-') ? `unknown option ${a}` : `unexpected argument ${a}`);
    const value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`${a} needs a value`);
    args[a.slice(2) as keyof Args] = value;
  }
  if ((args.batch === undefined) === (args.json === undefined))
    throw new UsageError('give either --batch FILE or --json REPORT');
  return args;
}

interface LineError {
  line: number;
  id: string | number | null;
  error: 'invalid-json' | 'invalid-report';
  issues: { path: string; message: string }[];
}

/** Triage one input line; a bad line is returned as an error object instead. */
function triageLine(text: string, line: number, ctx: IncidentContext): string | LineError {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { line, id: null, error: 'invalid-json', issues: [{ path: '', message: (err as Error).message }] };
  }
  const parsed = triageInputSchema.safeParse(value);
  if (!parsed.success) {
    const raw = (value as { id?: unknown } | null)?.id;
    return {
      line,
      id: typeof raw === 'string' || typeof raw === 'number' ? raw : null,
      error: 'invalid-report',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  // Checking our own output keeps the contract honest: a change that breaks it fails here, loudly.
  return JSON.stringify(triageOutputSchema.parse(triage(parsed.data, ctx)));
}

function main(argv: string[]): number {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `triage: ${err.message}\n` : ''}${USAGE}\n`);
    return err.message ? 2 : 0;
  }

  let lines: string[] = [args.json ?? ''];
  if (args.batch !== undefined) {
    try {
      lines = readFileSync(args.batch === '-' ? 0 : args.batch, 'utf8').split(/\r?\n/);
    } catch (err) {
      process.stderr.write(`triage: cannot read ${args.batch}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  let ctx: IncidentContext;
  try {
    ctx = { pack: loadPolicyPack(args.pack), profile: loadCompanyProfile(args.profile) };
    proceduresOf(ctx.pack); // a pack without the 9.4 procedures fails before any report is read
  } catch (err) {
    process.stderr.write(`triage: ${(err as Error).message}\n`);
    return 1;
  }

  let failed = false;
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    const out = triageLine(text, i + 1, ctx);
    if (typeof out === 'string') process.stdout.write(`${out}\n`);
    else {
      failed = true;
      process.stderr.write(`${JSON.stringify(out)}\n`);
    }
  });
  return failed ? 2 : 0;
}

process.exitCode = main(process.argv.slice(2));
