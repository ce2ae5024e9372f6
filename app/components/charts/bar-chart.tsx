// A horizontal bar chart as SVG drawn on the server, beside the table it pictures (the table is the
// equivalent). One colour, GOV.UK blue (5.2:1 on white); a withheld value draws no bar.
export type Bar = { label: string; value: number | null; text: string };

const W = 640;
const ROW = 26;
const LABEL = 150;
const PAD = 8;

export function BarChart(p: { id: string; title: string; bars: Bar[]; max: number }) {
  const H = p.bars.length * ROW + PAD * 2;
  const innerW = W - LABEL - 80;
  const titleId = `${p.id}-title`;
  return (
    <figure className="app-chart" dir="ltr">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId} className="app-chart__svg">
        <title id={titleId}>{p.title}</title>
        {p.bars.map((b, i) => {
          const y = PAD + i * ROW;
          const width = b.value === null || p.max <= 0 ? 0 : (b.value / p.max) * innerW;
          return (
            <g key={b.label}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize={13} fill="#0b0c0c">
                {b.label}
              </text>
              <rect x={LABEL} y={y + 4} width={width} height={ROW - 8} fill="#1d70b8" />
              <text x={LABEL + width + 6} y={y + ROW / 2 + 4} fontSize={13} fill="#0b0c0c">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
