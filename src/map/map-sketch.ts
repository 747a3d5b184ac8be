/**
 * The incident marks drawn on a 2D canvas over the map, standing in for MapLibre's incident layers
 * while the timeline moves and the map follows it. Without a GPU (software WebGL: many virtual
 * machines and remote desktops) every MapLibre redraw costs a 33–50 ms frame, most of it the
 * basemap, and a map following a timeline gesture would redraw ten times a second; a few hundred
 * circles on a canvas cost well under a millisecond. The sources fade MapLibre's incident layers
 * out meanwhile (incident-sources.ts) and bring them back once they hold the gesture's last marks.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { IncidentPointProperties, IncidentPoints, PlaceLinks } from '../lib/geo.ts';
import type { ClusterProperties } from '../lib/map-points.ts';
import { clusterRadius, MARK_SIZES, pointColour } from './map-style.ts';
import type { MapTheme } from './map-theme.ts';

export interface SketchedMarks {
  links: PlaceLinks;
  secondary: IncidentPoints;
  incidents: FeatureCollection<Point, IncidentPointProperties | ClusterProperties>;
}

/** The style's dashed links: `line-dasharray` [2, 2] in line widths, 1.2 px wide, at 0.7 opacity. */
const LINK = { width: 1.2, dash: [2.4, 2.4], opacity: 0.7 };
/**
 * Beyond this many lines, the sketch draws them plain with about as much ink (round caps make the
 * dashes three quarters of the line): a canvas rasterises a dashed line of 650 px in 0.6 ms here,
 * a plain one in 0.04 ms, and a hundred dashed lines made each frame of a timeline gesture 60 ms.
 */
const DASHED_LINKS = 12;
const PLAIN_LINK_OPACITY = LINK.opacity * 0.75;

/** A mark as last drawn, in CSS px relative to the map: what the test hook reports. */
export interface SketchedMark {
  kind: 'cluster' | 'incident' | 'secondary';
  x: number;
  y: number;
  count: number;
}

const isCluster = (properties: IncidentPointProperties | ClusterProperties): properties is ClusterProperties =>
  'cluster' in properties;

export class MapSketch {
  readonly #map: MapLibreMap;
  readonly #canvas: HTMLCanvasElement;
  #marks: SketchedMarks | null = null;
  #theme: MapTheme | null = null;
  #drawn: SketchedMark[] = [];

  constructor(map: MapLibreMap) {
    this.#map = map;
    const canvas = document.createElement('canvas');
    canvas.className = 'map-sketch';
    canvas.setAttribute('aria-hidden', 'true');
    Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    this.#canvas = canvas;
  }

  /** Whether marks are drawn. */
  get shown(): boolean {
    return this.#marks !== null;
  }

  /** The marks drawn, where they were drawn (none when cleared). */
  get drawn(): readonly SketchedMark[] {
    return this.#drawn;
  }

  draw(marks: SketchedMarks, theme: MapTheme): void {
    this.#marks = marks;
    this.#theme = theme;
    this.#paint();
  }

  /** The camera moved: the same marks at their new places. */
  follow(): void {
    if (this.#marks) this.#paint();
  }

  /** Takes the canvas out of the page: it is there only while it stands in for MapLibre's marks. */
  clear(): void {
    this.#marks = null;
    this.#drawn = [];
    this.#canvas.remove();
  }

  #paint(): void {
    const marks = this.#marks;
    const theme = this.#theme;
    const context = this.#canvas.getContext('2d');
    if (!marks || !theme || !context) return;
    const { clientWidth: width, clientHeight: height } = this.#map.getCanvas();
    const ratio = devicePixelRatio;
    if (this.#canvas.width !== Math.round(width * ratio) || this.#canvas.height !== Math.round(height * ratio)) {
      this.#canvas.width = Math.round(width * ratio);
      this.#canvas.height = Math.round(height * ratio);
      this.#canvas.style.width = `${width}px`;
      this.#canvas.style.height = `${height}px`;
    }
    // Over MapLibre's canvas, under its controls; clicks go through to the map.
    if (!this.#canvas.isConnected) this.#map.getCanvasContainer().append(this.#canvas);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    this.#drawn = [];
    this.#links(context, marks.links, theme);
    for (const feature of marks.secondary.features) this.#place(context, feature, 'secondary', theme);
    for (const feature of marks.incidents.features) {
      const { properties } = feature;
      if (isCluster(properties)) this.#cluster(context, feature.geometry, properties, theme);
      else this.#place(context, feature as GeoJSON.Feature<Point, IncidentPointProperties>, 'incident', theme);
    }
  }

  #at(point: Point): { x: number; y: number } {
    return this.#map.project(point.coordinates as [number, number]);
  }

  #links(context: CanvasRenderingContext2D, links: SketchedMarks['links'], theme: MapTheme): void {
    if (links.features.length === 0) return;
    context.save();
    const dashed = links.features.length <= DASHED_LINKS;
    context.strokeStyle = theme.link;
    context.globalAlpha = dashed ? LINK.opacity : PLAIN_LINK_OPACITY;
    context.lineWidth = LINK.width;
    context.lineCap = 'round';
    if (dashed) context.setLineDash(LINK.dash);
    context.beginPath();
    for (const { geometry } of links.features) {
      geometry.coordinates.forEach((coordinates, index) => {
        const { x, y } = this.#map.project(coordinates as [number, number]);
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
    }
    context.stroke();
    context.restore();
  }

  /** A dot, or a ring for a place known only to its country, as the style's `placePaint`. */
  #place(
    context: CanvasRenderingContext2D,
    feature: GeoJSON.Feature<Point, IncidentPointProperties>,
    kind: 'incident' | 'secondary',
    theme: MapTheme,
  ): void {
    const { x, y } = this.#at(feature.geometry);
    const radius = kind === 'incident' ? MARK_SIZES.point : MARK_SIZES.secondary;
    const colour = pointColour(feature.properties);
    const ring = feature.properties.countryLevel === 1;
    circle(context, x, y, ring ? radius + MARK_SIZES.ringGrowth : radius, {
      fill: ring ? theme.land : colour,
      stroke: ring ? colour : theme.markStroke,
      strokeWidth: ring ? MARK_SIZES.ringStroke : MARK_SIZES.dotStroke,
    });
    this.#drawn.push({ kind, x, y, count: 1 });
  }

  #cluster(context: CanvasRenderingContext2D, point: Point, properties: ClusterProperties, theme: MapTheme): void {
    const { x, y } = this.#at(point);
    circle(context, x, y, clusterRadius(properties.point_count), {
      fill: theme.cluster,
      stroke: theme.markStroke,
      strokeWidth: MARK_SIZES.clusterStroke,
    });
    context.fillStyle = theme.clusterText;
    context.font = `${MARK_SIZES.clusterText}px "Noto Sans", sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillText(properties.point_count_abbreviated, x, y);
    this.#drawn.push({ kind: 'cluster', x, y, count: properties.point_count });
  }
}

/** A circle as MapLibre draws one: the stroke outside the radius. */
function circle(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  radius: number,
  paint: { fill: string; stroke: string; strokeWidth: number },
): void {
  context.beginPath();
  context.arc(x, y, radius + paint.strokeWidth / 2, 0, 2 * Math.PI);
  context.lineWidth = paint.strokeWidth;
  context.strokeStyle = paint.stroke;
  context.stroke();
  context.beginPath();
  context.arc(x, y, radius, 0, 2 * Math.PI);
  context.fillStyle = paint.fill;
  context.fill();
}
