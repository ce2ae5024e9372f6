// One report request, shared by the page and its CSV downloads: who is asking (and so what they may
// see), the filters from the URL, the figures and every table as text.
import type { TFunction } from "i18next";
import { requireStaff } from "~/auth/guards.server";
import { londonDate } from "~/domain/dates";
import { may } from "~/domain/permissions";
import { lastTermBefore, previousFinancialQuarter } from "~/domain/report-period";
import { feedbackReport } from "~/models/feedback-report.server";
import { buildReport } from "~/models/report.server";
import { reportChoices } from "~/models/report-scope.server";
import { venueBySlug } from "~/models/venue.server";
import { getDb } from "~/utils/db.server";
import { now } from "~/utils/env.server";
import { formatDateRange } from "~/utils/format";
import { type ParsedReport, parseReportQuery } from "./filters.server";
import { headline, type ReportTable, reportTables } from "./tables.server";

type Headline = ReturnType<typeof headline>;

export async function reportRequest(request: Request, t: TFunction, lng: string) {
  const user = await requireStaff(request, "reports");
  const db = getDb();
  const url = new URL(request.url);
  const today = londonDate(now());
  const choices = reportChoices(db, user);
  const hubSlug = url.searchParams.get("hub");
  const knownHub = (slug: string) => venueBySlug(db, slug) !== undefined;
  const parsed = parseReportQuery(url.searchParams, choices, hubSlug && knownHub(hubSlug) ? new Set([hubSlug]) : new Set(), today);
  // A hub that exists but is not this person's: refused, as every staff route refuses another hub.
  if (!parsed.ok && "forbidden" in parsed) throw new Response("Forbidden", { status: 403 });
  const result = parsed as ParsedReport;

  const hrefWith = (query: Record<string, string>) => `/staff/reports?${new URLSearchParams(query).toString()}`;
  const lastTerm = lastTermBefore(
    result.ok && result.filters.localAuthorityId !== undefined
      ? choices.terms.filter((term) => term.localAuthorityId === result.filters.localAuthorityId)
      : choices.terms,
    today,
  );
  const base = result.ok ? stripPeriod(result.query) : {};
  const current = parseReportQuery(new URLSearchParams(), choices, new Set(), today);
  const thisQuarter = current.ok ? current.query.quarter : undefined;
  const quickLinks = [
    thisQuarter && { key: "thisQuarter", href: hrefWith({ ...base, period: "quarter", quarter: thisQuarter }) },
    thisQuarter && {
      key: "lastQuarter",
      href: hrefWith({ ...base, period: "quarter", quarter: previousFinancialQuarter(thisQuarter) ?? thisQuarter }),
    },
    lastTerm && { key: "lastTerm", href: hrefWith({ ...base, period: "term", term: String(lastTerm.id) }) },
  ].filter((l): l is { key: string; href: string } => Boolean(l));

  if (!result.ok)
    return {
      user,
      choices,
      parsed: result,
      quickLinks,
      report: null,
      tables: [] as ReportTable[],
      headline: [] as Headline,
      periodLabel: null,
      feedback: null,
    };

  const report = buildReport(db, user, result.filters, today);
  const tables = reportTables(report, t, lng, {
    hubSlugs: new Map(choices.hubs.map((h) => [String(h.id), h.slug])),
    localitySlugs: new Map(choices.localities.map((l) => [String(l.id), l.slug])),
    withQuery: (change) => hrefWith({ ...result.query, ...change }),
  });
  const range = formatDateRange(result.filters.range.from, result.filters.range.to, lng);
  const periodLabel = result.term ? `${result.term.name}, ${range}` : range;
  // What families said over the same period, for those who may read feedback (not outreach).
  const feedback = may(user, "feedback")
    ? feedbackReport(db, user, { fromDate: result.filters.range.from, toDate: result.filters.range.to })
    : null;
  return { user, choices, parsed: result, quickLinks, report, tables, headline: headline(report, t, lng), periodLabel, feedback };
}

function stripPeriod(query: Record<string, string>) {
  const { period: _p, week: _w, month: _m, quarter: _q, term: _t, from: _f, to: _to, ...rest } = query;
  return rest;
}
