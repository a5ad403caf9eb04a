import { describe, expect, it } from "vitest";
import { layoutRadar } from "../../web/src/lib/radar.ts";

const axes = (...values: (number | null)[]) =>
  values.map((value, index) => ({ key: `s${index}`, label: `Section ${index}`, value }));

describe("layoutRadar", () => {
  it("points the first axis up and goes clockwise", () => {
    const { axes: laid } = layoutRadar(axes(5, 5, 5, 5), 200);

    expect(laid.map((axis) => axis.end)).toEqual([
      { x: 100, y: 0 },
      { x: 200, y: 100 },
      { x: 100, y: 200 },
      { x: 0, y: 100 },
    ]);
    expect(laid.map((axis) => axis.anchor)).toEqual(["middle", "start", "middle", "end"]);
  });

  it("places a value at its share of the radius", () => {
    const { axes: laid } = layoutRadar(axes(1, 2.5, 4, 5), 200);

    expect(laid[0].point).toEqual({ x: 100, y: 80 });
    expect(laid[1].point).toEqual({ x: 150, y: 100 });
    expect(laid[2].point).toEqual({ x: 100, y: 180 });
    expect(laid[3].point).toEqual({ x: 0, y: 100 });
  });

  it("draws one ring a level", () => {
    const { rings } = layoutRadar(axes(1, 1, 1, 1), 200);

    expect(rings.map((ring) => ring.value)).toEqual([1, 2, 3, 4, 5]);
    expect(rings[4].points).toBe("100,0 200,100 100,200 0,100");
  });

  it("fills the area only when every axis has a value", () => {
    expect(layoutRadar(axes(5, 5, 5, 5), 200).area).toBe("100,0 200,100 100,200 0,100");
    expect(layoutRadar(axes(5, null, 5, 5), 200).area).toBeNull();
  });

  it("leaves out the point and both lines of an axis without a value", () => {
    const { axes: laid, outline } = layoutRadar(axes(5, null, 5, 5), 200);

    expect(laid[1].point).toBeNull();
    // Only the lines 2→3 and 3→0 remain; 0→1 and 1→2 touch the missing value.
    expect(outline).toBe("M100,200L0,100M0,100L100,0");
  });

  it("keeps values within the chart", () => {
    const { axes: laid } = layoutRadar(axes(7, -1, 3), 200);

    expect(laid[0].point).toEqual({ x: 100, y: 0 });
    expect(laid[1].point).toEqual({ x: 100, y: 100 });
  });

  it("lays out no axes for no sections", () => {
    const layout = layoutRadar([], 200);

    expect(layout.axes).toEqual([]);
    expect(layout.outline).toBe("");
    expect(layout.area).toBeNull();
  });
});
