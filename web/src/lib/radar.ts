// Geometry of the report's radar chart, in SVG user units. Axis 0 points up
// and the others follow clockwise. A value v lies at v / max of the radius.

export interface RadarInput {
  key: string;
  label: string;
  /** A score from 0 to max, or null when there is none. */
  value: number | null;
}

export interface Point {
  x: number;
  y: number;
}

export interface RadarAxis extends RadarInput {
  end: Point;
  /** Anchor point of the label, just outside the end of the axis. */
  labelAt: Point;
  anchor: "start" | "middle" | "end";
  /** The plotted value, or null for an axis without a score. */
  point: Point | null;
}

export interface RadarLayout {
  center: Point;
  radius: number;
  axes: RadarAxis[];
  /** Polygon points of the rings at 1, 2, … max. */
  rings: { value: number; points: string }[];
  /** Path data of the lines between neighbouring axes that both have a value. */
  outline: string;
  /** Polygon points of the filled area, or null unless every axis has a value. */
  area: string | null;
}

const LABEL_GAP = 14;

/**
 * Lays out a radar chart of `inputs` in a square of `size` units centred on
 * (size / 2, size / 2). An axis without a value gets no point, and the lines
 * to its neighbours are left out, so a missing score never looks like a low one.
 */
export function layoutRadar(inputs: RadarInput[], size: number, max = 5): RadarLayout {
  const center = { x: size / 2, y: size / 2 };
  const radius = size / 2;
  const count = inputs.length;
  const at = (index: number, fraction: number): Point => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / count;
    return {
      x: round(center.x + fraction * radius * Math.cos(angle)),
      y: round(center.y + fraction * radius * Math.sin(angle)),
    };
  };

  const axes = inputs.map((input, index) => {
    const end = at(index, 1);
    return {
      ...input,
      end,
      labelAt: at(index, 1 + LABEL_GAP / radius),
      anchor: anchorFor((end.x - center.x) / radius),
      point: input.value === null ? null : at(index, clamp(input.value / max)),
    };
  });

  const rings = Array.from({ length: max }, (_, step) => ({
    value: step + 1,
    points: inputs.map((_input, index) => format(at(index, (step + 1) / max))).join(" "),
  }));

  const outline = axes
    .flatMap((axis, index) => {
      const next = axes[(index + 1) % count];
      if (count < 2 || !axis.point || !next.point || next === axis) return [];
      return [`M${format(axis.point)}L${format(next.point)}`];
    })
    .join("");
  const complete = count > 0 && axes.every((axis) => axis.point);
  const area = complete ? axes.map((axis) => format(axis.point!)).join(" ") : null;

  return { center, radius, axes, rings, outline, area };
}

// Labels near the top and bottom are centred on their axis; the others
// extend away from the chart.
function anchorFor(cos: number): RadarAxis["anchor"] {
  if (Math.abs(cos) < 0.2) return "middle";
  return cos > 0 ? "start" : "end";
}

const clamp = (fraction: number) => Math.min(Math.max(fraction, 0), 1);
const round = (value: number) => Math.round(value * 100) / 100;
const format = (point: Point) => `${point.x},${point.y}`;
