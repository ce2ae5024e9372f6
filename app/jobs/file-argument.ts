// The one-FILE command line shared by db:backup and db:restore: --help, exactly one FILE checked
// with zod, and the exit codes (1 failed, 2 bad arguments, with the usage).
import { parseArgs } from "node:util";
import type { z } from "zod";

export function failer(command: string, usage: string) {
  return (message: string, code: 1 | 2): never => {
    console.error(`${command}: ${message}`);
    if (code === 2) console.error(usage);
    process.exit(code);
  };
}

/** The FILE argument, parsed by `fileSchema`; null after printing the usage for --help. */
export function fileArgument(
  argv: string[],
  fileSchema: z.ZodType<string, z.ZodTypeDef, unknown>,
  usage: string,
  fail: (m: string, c: 1 | 2) => never,
) {
  let args: ReturnType<typeof parseArgs<{ options: { help: { type: "boolean"; short: "h" } }; allowPositionals: true }>>;
  try {
    args = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: true });
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err), 2);
  }
  if (args.values.help) {
    console.log(usage);
    return null;
  }
  if (args.positionals.length !== 1) fail("give exactly one FILE", 2);
  const parsed = fileSchema.safeParse(args.positionals[0]);
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join("; "), 2);
  return parsed.data as string;
}
