/**
 * The map's incident clusters, made on our side instead of by MapLibre's worker. MapLibre's
 * clustering builds an index over every point and must rebuild it whenever the shown incidents
 * change (300–900 ms at 100,000 points, per filter change or timeline step); here the points'
 * positions are projected once per dataset, and each update is one pass over typed arrays that
 * counts the shown points in a grid of cells one cluster radius wide, for the whole zoom level the
 * map is at and only around what is on screen. Neighbouring cells whose centres are within a radius
 * of each other are then merged, largest first (as supercluster does), so a group of points on a
 * cell border still makes one cluster. The map gets a few hundred features however many incidents
 * there are.
 */

/** Web Mercator, the unit square (x east, y south), as MapLibre's world at zoom 0. */
const MAX_LATITUDE = 85.051129;
/** MapLibre's world is 512 px wide at zoom 0. */
const WORLD_PX = 512;

export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
}

export function lngOf(x: number): number {
  return x * 360 - 180;
}

export function latOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/** An area of the unit square: [west x, north y, east x, south y]. */
export type MercatorBox = [x0: number, y0: number, x1: number, y1: number];

export interface ClusterOptions {
  /** Cluster radius in CSS px (the size of a grid cell). */
  radiusPx: number;
  /** Above this whole zoom every point is drawn alone. */
  maxZoom: number;
}

export interface PointCluster {
  /** Centre of its members, in the unit square. */
  x: number;
  y: number;
  count: number;
  /** Where its members lie, in the unit square. */
  box: MercatorBox;
  /** Every member at the same point: no zoom splits it. */
  oneSpot: boolean;
}

export interface Clustering {
  /** The whole zoom it was made for. */
  zoom: number;
  /** The area it covers: points outside it are left out. */
  area: MercatorBox;
  clusters: PointCluster[];
  /** Dataset positions of the points drawn alone. */
  singles: number[];
  /** By dataset position: the index of the point's cluster, or -1. */
  clusterOf: Int32Array;
}

/** Up to this many cells the grid is an array; past it (a huge area at a high zoom), a hash map. */
const MAX_DENSE_CELLS = 1 << 20;

/** The occupied cells of a grid: each gets a slot, found by its column and row. */
class CellTable {
  readonly column: number[] = [];
  readonly row: number[] = [];
  readonly count: number[] = [];
  readonly sumX: number[] = [];
  readonly sumY: number[] = [];
  /** A member, the only one of a cell of one. */
  readonly first: number[] = [];
  readonly #dense: Int32Array | null;
  readonly #sparse = new Map<number, number>();
  readonly #x0: number;
  readonly #y0: number;
  readonly #width: number;
  readonly #height: number;

  constructor(x0: number, y0: number, width: number, height: number) {
    this.#x0 = x0;
    this.#y0 = y0;
    this.#width = width;
    this.#height = height;
    this.#dense = width * height <= MAX_DENSE_CELLS ? new Int32Array(width * height).fill(-1) : null;
  }

  /** The slot of the cell at this column and row, -1 when empty or outside the grid. */
  find(column: number, row: number): number {
    const c = column - this.#x0;
    const r = row - this.#y0;
    if (c < 0 || r < 0 || c >= this.#width || r >= this.#height) return -1;
    return this.#dense ? this.#dense[r * this.#width + c] : (this.#sparse.get(r * this.#width + c) ?? -1);
  }

  add(column: number, row: number, position: number, x: number, y: number): number {
    let slot = this.find(column, row);
    if (slot === -1) {
      slot = this.count.length;
      const key = (row - this.#y0) * this.#width + (column - this.#x0);
      if (this.#dense) this.#dense[key] = slot;
      else this.#sparse.set(key, slot);
      this.column.push(column);
      this.row.push(row);
      this.count.push(0);
      this.sumX.push(0);
      this.sumY.push(0);
      this.first.push(position);
    }
    this.count[slot]++;
    this.sumX[slot] += x;
    this.sumY[slot] += y;
    return slot;
  }
}

export class PointGrid {
  /** Positions in the unit square by dataset position; NaN for an incident without a place. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly options: ClusterOptions;

  constructor(lngLats: readonly (readonly [number, number] | null)[], options: ClusterOptions) {
    this.options = options;
    this.x = new Float64Array(lngLats.length);
    this.y = new Float64Array(lngLats.length);
    for (let i = 0; i < lngLats.length; i++) {
      const lngLat = lngLats[i];
      this.x[i] = lngLat ? mercatorX(lngLat[0]) : NaN;
      this.y[i] = lngLat ? mercatorY(lngLat[1]) : NaN;
    }
  }

  /** The flagged points in `area`, clustered as drawn at the whole zoom `zoom`. */
  cluster(mask: Uint8Array, zoom: number, area: MercatorBox): Clustering {
    const { x, y } = this;
    const clusterOf = new Int32Array(x.length).fill(-1);
    const singles: number[] = [];
    const [ax0, ay0, ax1, ay1] = area;
    // NaN (no place) fails every comparison: such incidents are never in the area.
    const inArea = (i: number) => x[i] >= ax0 && x[i] <= ax1 && y[i] >= ay0 && y[i] <= ay1;

    if (zoom > this.options.maxZoom) {
      for (let i = 0; i < x.length; i++) if (mask[i] === 1 && inArea(i)) singles.push(i);
      return { zoom, area, clusters: [], singles, clusterOf };
    }

    // Pass 1: each shown point into its cell, with the cell's sums.
    const cells = (WORLD_PX * 2 ** zoom) / this.options.radiusPx;
    const gx0 = Math.floor(ax0 * cells);
    const gy0 = Math.floor(ay0 * cells);
    const table = new CellTable(gx0, gy0, Math.floor(ax1 * cells) - gx0 + 1, Math.floor(ay1 * cells) - gy0 + 1);
    const slotOf = new Int32Array(x.length).fill(-1);
    for (let i = 0; i < x.length; i++) {
      if (mask[i] !== 1 || !inArea(i)) continue;
      slotOf[i] = table.add(Math.floor(x[i] * cells), Math.floor(y[i] * cells), i, x[i], y[i]);
    }

    // Pass 2: the fullest cells first take in neighbouring cells whose centre is within a radius.
    const { count, sumX, sumY } = table;
    const order = count.map((_, slot) => slot).sort((a, b) => count[b] - count[a] || a - b);
    const groupOf = new Int32Array(count.length).fill(-1);
    const groups: { slots: number[]; count: number; sumX: number; sumY: number }[] = [];
    const radius = 1 / cells;
    for (const slot of order) {
      if (groupOf[slot] !== -1) continue;
      const group = { slots: [slot], count: count[slot], sumX: sumX[slot], sumY: sumY[slot] };
      groupOf[slot] = groups.length;
      const centreX = sumX[slot] / count[slot];
      const centreY = sumY[slot] / count[slot];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const other = table.find(table.column[slot] + dx, table.row[slot] + dy);
          if (other === -1 || groupOf[other] !== -1) continue;
          if (Math.hypot(sumX[other] / count[other] - centreX, sumY[other] / count[other] - centreY) > radius) continue;
          groupOf[other] = groups.length;
          group.slots.push(other);
          group.count += count[other];
          group.sumX += sumX[other];
          group.sumY += sumY[other];
        }
      }
      groups.push(group);
    }

    // Pass 3: groups of one are single points; the others become clusters with their extent.
    const clusterIndex = new Int32Array(groups.length).fill(-1);
    const clusters: PointCluster[] = [];
    groups.forEach((group, g) => {
      if (group.count === 1) singles.push(table.first[group.slots[0]]);
      else {
        clusterIndex[g] = clusters.length;
        clusters.push({
          x: group.sumX / group.count,
          y: group.sumY / group.count,
          count: group.count,
          box: [Infinity, Infinity, -Infinity, -Infinity],
          oneSpot: true,
        });
      }
    });
    for (let i = 0; i < x.length; i++) {
      if (slotOf[i] === -1) continue;
      const index = clusterIndex[groupOf[slotOf[i]]];
      if (index === -1) continue;
      clusterOf[i] = index;
      const box = clusters[index].box;
      if (x[i] < box[0]) box[0] = x[i];
      if (y[i] < box[1]) box[1] = y[i];
      if (x[i] > box[2]) box[2] = x[i];
      if (y[i] > box[3]) box[3] = y[i];
    }
    for (const cluster of clusters)
      cluster.oneSpot = cluster.box[0] === cluster.box[2] && cluster.box[1] === cluster.box[3];
    singles.sort((a, b) => a - b);
    return { zoom, area, clusters, singles, clusterOf };
  }
}

/** The dataset positions of a cluster's members, in dataset order. */
export function clusterMembers(clustering: Clustering, index: number, limit = Infinity): number[] {
  const members: number[] = [];
  const { clusterOf } = clustering;
  for (let i = 0; i < clusterOf.length && members.length < limit; i++) if (clusterOf[i] === index) members.push(i);
  return members;
}

/**
 * The area to cluster for a screen showing `view` at `zoom`: the screen and as much again on every
 * side, so a pan of up to a screen needs no new clustering; clipped to the world.
 */
export function clusterArea(view: MercatorBox): MercatorBox {
  const [x0, y0, x1, y1] = view;
  const width = x1 - x0;
  const height = y1 - y0;
  return [Math.max(0, x0 - width), Math.max(0, y0 - height), Math.min(1, x1 + width), Math.min(1, y1 + height)];
}

export function containsBox(outer: MercatorBox, inner: MercatorBox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** MapLibre's abbreviation of a cluster's count: 1.2k, 12k. */
export function abbreviateCount(count: number): string {
  if (count >= 10_000) return `${Math.round(count / 1000)}k`;
  if (count >= 1000) return `${Math.round(count / 100) / 10}k`;
  return String(count);
}
