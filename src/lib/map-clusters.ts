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
  /** By dataset position: the point's grid cell (a slot), or -1 when not drawn. */
  slotOf: Int32Array;
  /** By slot: the index of the cell's cluster, or -1 for a point drawn alone. */
  clusterOfSlot: Int32Array;
}

/** Up to this many cells the grid is an array; past it (a huge area at a high zoom), a hash map. */
const MAX_DENSE_CELLS = 1 << 18;

/** Where each occupied cell's slot is, by the cell's position in the area's grid. */
interface SlotLookup {
  get(key: number): number;
  set(key: number, slot: number): void;
}

function slotLookup(cells: number): SlotLookup {
  if (cells > MAX_DENSE_CELLS) {
    const map = new Map<number, number>();
    return { get: (key) => map.get(key) ?? -1, set: (key, slot) => void map.set(key, slot) };
  }
  const dense = new Int32Array(cells).fill(-1);
  return {
    get: (key) => dense[key],
    set: (key, slot) => void (dense[key] = slot),
  };
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
    const n = x.length;
    const slotOf = new Int32Array(n).fill(-1);
    const singles: number[] = [];
    const [ax0, ay0, ax1, ay1] = area;

    if (zoom > this.options.maxZoom) {
      // NaN (no place) fails every comparison: such incidents are never in the area.
      for (let i = 0; i < n; i++) {
        if (mask[i] === 1 && x[i] >= ax0 && x[i] <= ax1 && y[i] >= ay0 && y[i] <= ay1) singles.push(i);
      }
      return { zoom, area, clusters: [], singles, slotOf, clusterOfSlot: new Int32Array(0) };
    }

    // Pass 1: each shown point into its cell (a slot, made on first use), with the cell's sums
    // and extent. Columns and rows count cells from the world's north-west corner.
    const cells = (WORLD_PX * 2 ** zoom) / this.options.radiusPx;
    const gx0 = Math.floor(ax0 * cells);
    const gy0 = Math.floor(ay0 * cells);
    const width = Math.floor(ax1 * cells) - gx0 + 1;
    const height = Math.floor(ay1 * cells) - gy0 + 1;
    const lookup = slotLookup(width * height);
    const capacity = Math.min(n, width * height);
    const count = new Int32Array(capacity);
    const column = new Int32Array(capacity);
    const row = new Int32Array(capacity);
    const first = new Int32Array(capacity);
    const sumX = new Float64Array(capacity);
    const sumY = new Float64Array(capacity);
    const minX = new Float64Array(capacity);
    const minY = new Float64Array(capacity);
    const maxX = new Float64Array(capacity);
    const maxY = new Float64Array(capacity);
    let slots = 0;
    for (let i = 0; i < n; i++) {
      if (mask[i] !== 1) continue;
      const px = x[i];
      const py = y[i];
      if (!(px >= ax0 && px <= ax1 && py >= ay0 && py <= ay1)) continue;
      const c = Math.floor(px * cells);
      const r = Math.floor(py * cells);
      const key = (r - gy0) * width + (c - gx0);
      let slot = lookup.get(key);
      if (slot === -1) {
        slot = slots++;
        lookup.set(key, slot);
        column[slot] = c;
        row[slot] = r;
        first[slot] = i;
        minX[slot] = maxX[slot] = px;
        minY[slot] = maxY[slot] = py;
      } else {
        if (px < minX[slot]) minX[slot] = px;
        if (px > maxX[slot]) maxX[slot] = px;
        if (py < minY[slot]) minY[slot] = py;
        if (py > maxY[slot]) maxY[slot] = py;
      }
      count[slot]++;
      sumX[slot] += px;
      sumY[slot] += py;
      slotOf[i] = slot;
    }
    const find = (c: number, r: number) =>
      c < gx0 || r < gy0 || c >= gx0 + width || r >= gy0 + height ? -1 : lookup.get((r - gy0) * width + (c - gx0));

    // Pass 2: the fullest cells first take in neighbouring cells whose centre is within a radius;
    // a group of one point is drawn alone, the others are clusters.
    const order = Array.from({ length: slots }, (_, slot) => slot).sort((a, b) => count[b] - count[a] || a - b);
    const clusterOfSlot = new Int32Array(slots).fill(-1);
    const taken = new Uint8Array(slots);
    const clusters: PointCluster[] = [];
    const radius = 1 / cells;
    const members: number[] = [];
    for (const slot of order) {
      if (taken[slot]) continue;
      taken[slot] = 1;
      members.length = 0;
      members.push(slot);
      const centreX = sumX[slot] / count[slot];
      const centreY = sumY[slot] / count[slot];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const other = find(column[slot] + dx, row[slot] + dy);
          if (other === -1 || taken[other]) continue;
          if (Math.hypot(sumX[other] / count[other] - centreX, sumY[other] / count[other] - centreY) > radius) continue;
          taken[other] = 1;
          members.push(other);
        }
      }
      if (members.length === 1 && count[slot] === 1) {
        singles.push(first[slot]);
        continue;
      }
      const cluster: PointCluster = {
        x: 0,
        y: 0,
        count: 0,
        box: [Infinity, Infinity, -Infinity, -Infinity],
        oneSpot: false,
      };
      let totalX = 0;
      let totalY = 0;
      for (const member of members) {
        clusterOfSlot[member] = clusters.length;
        cluster.count += count[member];
        totalX += sumX[member];
        totalY += sumY[member];
        cluster.box = [
          Math.min(cluster.box[0], minX[member]),
          Math.min(cluster.box[1], minY[member]),
          Math.max(cluster.box[2], maxX[member]),
          Math.max(cluster.box[3], maxY[member]),
        ];
      }
      cluster.x = totalX / cluster.count;
      cluster.y = totalY / cluster.count;
      cluster.oneSpot = cluster.box[0] === cluster.box[2] && cluster.box[1] === cluster.box[3];
      clusters.push(cluster);
    }
    singles.sort((a, b) => a - b);
    return { zoom, area, clusters, singles, slotOf, clusterOfSlot };
  }
}

/** The index of the cluster that counts the point at this dataset position, or -1. */
export function clusterOf(clustering: Clustering, position: number): number {
  const slot = clustering.slotOf[position];
  return slot === -1 || slot >= clustering.clusterOfSlot.length ? -1 : clustering.clusterOfSlot[slot];
}

/** The dataset positions of a cluster's members, in dataset order. */
export function clusterMembers(clustering: Clustering, index: number, limit = Infinity): number[] {
  const members: number[] = [];
  for (let i = 0; i < clustering.slotOf.length && members.length < limit; i++)
    if (clusterOf(clustering, i) === index) members.push(i);
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
