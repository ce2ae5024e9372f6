// Zod issues as one message per field, for the GOV.UK error summary.

/** The first message of each field in a zod error: translation keys, to be translated by the route. */
export function issuesByField(issues: { path: (string | number)[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
