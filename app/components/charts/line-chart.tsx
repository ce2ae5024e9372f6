// A line chart drawn as SVG on the server: no chart JavaScript, readable printed. It is a picture
// of the table beside it (which is the equivalent for screen readers), so it is one labelled image.
// Colours are GOV.UK blue and green, both over 4.5:1 on white; the second line is also dashed and
// its points square, so the lines differ without colour.

export type LineSeries = { label: string; values: (number | null)[] };

const COLOURS = ["#1d70b8", "#00703c"];
const DASHES = [undefined, "6 4"];
const W = 640;
const H = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 48 };

/** A "nice" top for the axis: 1, 2 or 5 times a power of ten, at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function LineChart(p: {
  id: string;
  title: string;
  labels: string[];
  series: LineSeries[];
  formatTick: (n: number) => string;
  gapNote?: string;
}) {
  const max = niceMax(Math.max(0, ...p.series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (p.labels.length <= 1 ? innerW / 2 : (i * innerW) / (p.labels.length - 1));
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  // Label at most about eight weeks along the axis, so the labels never overlap.
  const every = Math.max(1, Math.ceil(p.labels.length / 8));
  const titleId = `${p.id}-title`;
  return (
    <figure className="app-chart" dir="ltr">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="app-chart__svg">
        <title id={titleId}>{p.title}</title>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#b1b4b6" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={12} fill="#0b0c0c">
              {p.formatTick(v)}
            </text>
          </g>
        ))}
        {p.labels.map((label, i) =>
          i % every === 0 ? (
            <text key={label} x={x(i)} y={H - PAD.bottom + 18} textAnchor="middle" fontSize={12} fill="#0b0c0c">
              {label}
            </text>
          ) : null,
        )}
        {p.series.map((s, si) => {
          // A value withheld (1 to 4 families) breaks the line rather than being drawn.
          const segments: string[][] = [[]];
          s.values.forEach((v, i) => {
            if (v === null) segments.push([]);
            else segments[segments.length - 1].push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
          });
          return (
            <g key={s.label}>
              {segments
                .filter((seg) => seg.length > 1)
                .map((seg, k) => (
                  <polyline
                    key={k}
                    points={seg.join(" ")}
                    fill="none"
                    stroke={COLOURS[si % 2]}
                    strokeWidth={3}
                    strokeDasharray={DASHES[si % 2]}
                  />
                ))}
              {s.values.map((v, i) =>
                v === null ? null : si % 2 === 0 ? (
                  <circle key={i} cx={x(i)} cy={y(v)} r={4} fill={COLOURS[0]} />
                ) : (
                  <rect key={i} x={x(i) - 4} y={y(v) - 4} width={8} height={8} fill={COLOURS[1]} />
                ),
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="govuk-body-s">
        <ul className="app-chart__legend">
          {p.series.map((s, si) => (
            <li key={s.label}>
              <svg width="28" height="12" aria-hidden="true" focusable="false">
                <line x1="0" x2="28" y1="6" y2="6" stroke={COLOURS[si % 2]} strokeWidth={3} strokeDasharray={DASHES[si % 2]} />
              </svg>{" "}
              {s.label}
            </li>
          ))}
        </ul>
        {p.gapNote}
      </figcaption>
    </figure>
  );
}
