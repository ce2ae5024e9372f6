import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

/**
 * The title an action returned with its errors ("Error: …"), if any. Remix's `meta` sees only
 * loader data, so the root reads the router's action data to put the title in <head>.
 */
export function useActionTitle(): string | undefined {
  const state = useContext(UNSAFE_DataRouterStateContext);
  for (const data of Object.values(state?.actionData ?? {})) {
    const title = (data as { title?: unknown } | null)?.title;
    if (typeof title === "string") return title;
  }
  return undefined;
}
