// The register of one session date: who is booked, marking attended or no-show, walk-ins, the
// waiting list and totals; `?print=1` gives a paper register with tick boxes. Works without
// JavaScript: every change is a small form post, answered with a redirect back (PRG).
// Beside this file: the form parsing (register-request.server.ts), the columns both registers
// share (columns.tsx), the screen register, the walk-ins, the totals and the paper register.
import { type ActionFunctionArgs, type HeadersFunction, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRegisterOccurrence, requireStaff } from "~/auth/guards.server";
import { londonDate, registerIsOpen } from "~/domain/dates";
import { formatUkMobile } from "~/domain/phone";
import { addWalkIn, describeAges, markAttendance, registerFor } from "~/models/register.server";
import { siteUrl } from "~/models/share.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { translator } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { qrSvg } from "~/utils/qr.server";
import { PrintRegister } from "./print-register";
import { formValues, parseRegisterForm, QuerySchema } from "./register-request.server";
import { ScreenRegister } from "./screen-register";

export const handle = { i18n: ["staff", "register", "feedback"] };
export const meta = titleMeta;

// Families' names and phone numbers: never kept by a browser or a proxy.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "register");
  const found = requireRegisterOccurrence(user, params);
  const { t, title, locale } = await translator(request, "register");
  const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const register = registerFor(getDb(), found.occurrence.id);
  if (!register) throw new Response("Not found", { status: 404 });
  const { occurrence, series, venue } = register;

  const entries = register.entries.map((e) => ({
    bookingId: e.bookingId,
    reference: e.reference,
    // Wiped after the retention period (models/retention): say so rather than show a blank.
    name: e.name || t("register:redacted"),
    places: e.places,
    children: e.children,
    adults: e.adults,
    ages: describeAges(e.childAges, t),
    accessNeeds: e.accessNeeds,
    phone: e.phone,
    phoneText: e.phone ? displayPhone(e.phone) : null,
    email: e.email,
    source: e.source,
    course: e.course,
    attendance: e.attendance,
  }));
  const doneName = query.booking === undefined ? null : (entries.find((e) => e.bookingId === query.booking)?.name ?? null);

  return json(
    {
      title: title(pageTitle(t, series.title, formatDate(occurrence.date, locale))),
      print: query.print === "1",
      // On paper, a QR code to the hub's feedback page for the families in the room.
      feedback: query.print === "1" ? await feedbackQr(venue.slug, locale) : null,
      done: query.done ? { kind: query.done, name: doneName } : null,
      occurrence: {
        id: occurrence.id,
        date: occurrence.date,
        startTime: occurrence.startTime,
        endTime: occurrence.endTime,
        cancelled: occurrence.status === "cancelled",
        cancelReason: occurrence.cancelReason,
        notYet: !registerIsOpen(occurrence.date, londonDate(now())),
      },
      series: { id: series.id, title: series.title, bookingMode: series.bookingMode, placeUnit: series.placeUnit },
      venue: { name: venue.name, slug: venue.slug },
      entries,
      waiting: register.waiting,
      walkIns: register.walkIns.map((w) => ({ ...w, ages: describeAges(w.childAges, t) })),
      totals: register.totals,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type Translate = Awaited<ReturnType<typeof translator>>["t"];

async function feedbackQr(slug: string, lng: string) {
  const url = siteUrl(`/hubs/${slug}/feedback`, { lng });
  return { url, qr: await qrSvg(url) };
}

function pageTitle(t: Translate, seriesTitle: string, date: string) {
  return t("register:title", { title: seriesTitle, date });
}

/** Stored as +447…; shown the way people write it (07700 900123). */
function displayPhone(phone: string) {
  return /^\+447\d{9}$/.test(phone) ? formatUkMobile(phone) : phone;
}

export type ActionData = { title: string; errors: Record<string, string>; values: Record<string, string>; intent: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "register");
  const found = requireRegisterOccurrence(user, params);
  const { t, title, locale } = await translator(request, "register");
  const values = formValues(await request.formData());
  const occurrenceId = found.occurrence.id;
  const fail = (errors: Record<string, string>, status = 400) =>
    json<ActionData>(
      {
        title: title(pageTitle(t, found.series.title, formatDate(found.occurrence.date, locale)), true),
        errors,
        values,
        intent: values.intent ?? null,
      },
      { status, headers: { "Cache-Control": "private, no-store" } },
    );

  const parsed = parseRegisterForm(values, t);
  if ("errors" in parsed) return fail(parsed.errors);

  const base = `/staff/occurrences/${occurrenceId}/register`;
  const { input } = parsed;
  if (input.intent === "mark") {
    const outcome = markAttendance(getDb(), user, occurrenceId, input.booking, input.status === "clear" ? null : input.status);
    switch (outcome.kind) {
      case "ok":
        // Back to the same row, so a long register keeps its place.
        return redirect(`${base}?done=${input.status}&booking=${input.booking}#booking-${input.booking}`);
      case "not-on-register":
        return fail({ register: t("register:errors.notOnRegister") });
      case "cancelled":
        return fail({ register: t("register:errors.cancelled") }, 409);
      case "too-early":
        return fail({ register: t("register:errors.tooEarly") }, 409);
      case "not-found":
        throw new Response("Not found", { status: 404 });
    }
  }

  const outcome = addWalkIn(getDb(), user, occurrenceId, {
    name: input.name ?? "",
    children: input.children,
    adults: input.adults,
    childAges: input.childAges.filter((a): a is number => a !== undefined),
    outcode: input.postcode?.outcode ?? null,
    homePostcode: input.postcode ?? null,
    firstVisit: input.firstVisit,
  });
  switch (outcome.kind) {
    case "ok":
      return redirect(`${base}?done=walk-in#walk-ins`);
    case "invalid":
      return fail({ walkIn: t("register:errors.walkIn") });
    case "cancelled":
      return fail({ walkIn: t("register:errors.cancelled") }, 409);
    case "too-early":
      return fail({ walkIn: t("register:errors.tooEarly") }, 409);
    case "not-found":
      throw new Response("Not found", { status: 404 });
  }
}

export default function RegisterPage() {
  const data = useLoaderData<typeof loader>();
  return data.print ? <PrintRegister data={data} /> : <ScreenRegister data={data} />;
}
