import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";
import { assertSameOrigin } from "~/auth/guards.server";
import { signOut } from "~/auth/sign-in.server";

const FormSchema = z.object({ everywhere: z.literal("1").optional().catch(undefined) });

export async function loader() {
  return redirect("/staff");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const { everywhere } = FormSchema.parse(Object.fromEntries(await request.formData()));
  const cookie = await signOut(request, everywhere === "1");
  return redirect("/staff/sign-in?signedOut=1", { headers: { "Set-Cookie": cookie } });
}
