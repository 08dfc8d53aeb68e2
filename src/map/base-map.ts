// The base map in world pixels: countries, greyed neighbours, the highlighted borders, the
// humanitarian halo, or a plain graticule when no region was bundled. The shapes live in a world
// layer of the map's picture (picture.ts), baked whenever the view or the halo changes.
import type * as Phaser from 'phaser';
import type { View } from './camera.ts';
import { palette } from './colour.ts';
import type { MapModel } from './model.ts';
import type { CountryShape, MapShapes } from './shapes.ts';
import {
  emptyMesh,
  LINE_STYLE,
  type LineMeshes,
  lineMeshes,
  type Mesh,
  pixelDetail,
  strokeMesh,
} from './stroke-mesh.ts';

/** Draws and updates the base map of one scenario. */
export class BaseMap {
  private readonly shapes: MapShapes;
  /** The graticule, when there are no borders. */
  private readonly strokes: Phaser.GameObjects.Graphics;
  /** Each country's outline, then the highlighted borders' glow and dashes: meshes remade at each zoom. */
  private readonly outlines: Phaser.GameObjects.Polygon[];
  private readonly glow: Phaser.GameObjects.Polygon;
  private readonly dashes: Phaser.GameObjects.Polygon;
  /** The humanitarian halo: the affected country's fill, and its edge (remade at each level and zoom). */
  private readonly haloFill: Phaser.GameObjects.Polygon[];
  private readonly haloEdge: Phaser.GameObjects.Polygon;
  private readonly haloShape: CountryShape | undefined;
  private haloLevel = 0;
  private drawnZoom = 0;

  constructor(
    scene: Phaser.Scene,
    private readonly model: MapModel,
    /** The countries and borders in world pixels (shapes.ts); none draws a graticule instead. */
    shapes: MapShapes,
    private readonly container: Phaser.GameObjects.Container,
    /** Texels per canvas pixel of the picture the layer is baked into. */
    private readonly scale: number,
    /** The lines' meshes made while Phaser loaded (prepare.ts), used while the view is at their zoom. */
    private readonly prepared?: LineMeshes,
  ) {
    const sea = scene.add.rectangle(0, 0, model.width, model.height, palette.sea).setOrigin(0, 0);
    this.container.add(sea);
    this.shapes = shapes;
    for (const c of shapes.countries) this.container.add(fillPolygons(scene, c, c.fill));
    this.haloShape = shapes.countries.find((c) => c.iso === model.humanitarianIso);
    this.haloFill = this.haloShape ? fillPolygons(scene, this.haloShape, HALO, 0) : [];
    for (const fill of this.haloFill) fill.setVisible(false);
    this.haloEdge = meshPolygon(scene, emptyMesh(), HALO, 0).setVisible(false);
    this.strokes = scene.add.graphics();
    this.outlines = shapes.countries.map((s) => {
      const style = s.focus ? LINE_STYLE.focusOutline : LINE_STYLE.outline;
      return meshPolygon(scene, emptyMesh(), style.colour, style.alpha);
    });
    const { glow, dashes } = LINE_STYLE;
    this.glow = meshPolygon(scene, emptyMesh(), glow.colour, glow.alpha);
    this.dashes = meshPolygon(scene, emptyMesh(), dashes.colour, dashes.alpha);
    this.container.add([
      ...this.haloFill,
      this.haloEdge,
      this.strokes,
      ...this.outlines,
      this.glow,
      this.dashes,
    ]);
  }

  /** Follows the view: moves the layer, and redraws the strokes when the zoom changed. */
  apply(view: View): void {
    const z = view.zoom * this.scale;
    this.container.setPosition(-view.x * z, -view.y * z).setScale(z);
    if (view.zoom !== this.drawnZoom) {
      this.drawnZoom = view.zoom;
      this.drawStrokes(view.zoom);
      this.drawHalo();
    }
  }

  /** Sets the humanitarian overlay: 0 hides it, 1 is the strongest. False when nothing changed. */
  setHalo(level: number): boolean {
    const next = Math.max(0, Math.min(1, level));
    if (next === this.haloLevel) return false;
    this.haloLevel = next;
    this.drawHalo();
    return true;
  }

  private drawStrokes(zoom: number): void {
    if (this.shapes.countries.length === 0) {
      drawGraticule(this.strokes.clear(), this.model, zoom);
      return;
    }
    const p = this.prepared;
    const lines =
      p && p.zoom === zoom && p.scale === this.scale ? p : lineMeshes(this.shapes, zoom, this.scale);
    this.outlines.forEach((polygon, i) => {
      setMesh(polygon, lines.outlines[i] ?? emptyMesh());
    });
    setMesh(this.glow, lines.glow);
    setMesh(this.dashes, lines.dashes);
  }

  private drawHalo(): void {
    const level = this.haloLevel;
    const shape = this.haloShape;
    const shown = shape !== undefined && level > 0;
    for (const fill of this.haloFill) fill.setVisible(shown).setFillStyle(HALO, 0.12 + 0.33 * level);
    this.haloEdge.setVisible(shown);
    if (!shown) return;
    const zoom = this.drawnZoom || 1;
    this.haloEdge.setFillStyle(HALO, 0.35 + 0.4 * level);
    setMesh(this.haloEdge, strokeMesh(shape.outline, (2 + 10 * level) / zoom, pixelDetail(zoom, this.scale)));
  }
}

/** The humanitarian halo's colour. */
const HALO = 0xf08a24;

function drawGraticule(g: Phaser.GameObjects.Graphics, model: MapModel, zoom: number): void {
  const nw = model.projection.invert(0, 0);
  const se = model.projection.invert(model.width, model.height);
  const span = Math.max(se.lon - nw.lon, nw.lat - se.lat);
  const step = [0.5, 1, 2, 5, 10, 15, 30].find((s) => span / s <= 12) ?? 30;
  g.lineStyle(1 / zoom, palette.graticule, 1);
  for (let lon = Math.ceil(nw.lon / step) * step; lon <= se.lon; lon += step) {
    const x = model.projection.project(lon, 0).x;
    g.lineBetween(x, 0, x, model.height);
  }
  for (let lat = Math.ceil(se.lat / step) * step; lat <= nw.lat; lat += step) {
    const y = model.projection.project(0, lat).y;
    g.lineBetween(0, y, model.width, y);
  }
}

/** A stand-in outline for a Polygon whose path is given afterwards. */
const STAND_IN = [0, 0, 1, 0, 0, 1];

/**
 * A Phaser Polygon that draws a mesh worked out beforehand: a country's ring and its triangles (shapes.ts),
 * or lines' strokes (stroke-mesh.ts). A Polygon draws from its path and triangles, which Graphics would
 * make again at every bake; but its constructor builds a point object per vertex and triangulates them
 * itself, which for the country rings' thousands of vertices cost the scene's creation 27-46 ms here.
 * Given a stand-in triangle instead, its geometry serves only hit tests and bounds, which the map does
 * not use.
 */
function meshPolygon(scene: Phaser.Scene, mesh: Mesh, colour: number, alpha = 1): Phaser.GameObjects.Polygon {
  return setMesh(scene.add.polygon(0, 0, STAND_IN, colour, alpha).setOrigin(0, 0), mesh);
}

/** A country's fill: a Polygon for each of its rings, drawn from the ring's triangles. */
function fillPolygons(
  scene: Phaser.Scene,
  shape: CountryShape,
  colour: number,
  alpha = 1,
): Phaser.GameObjects.Polygon[] {
  return shape.rings.map((ring, i) =>
    meshPolygon(scene, { vertices: ring, indices: shape.triangles[i] ?? [] }, colour, alpha),
  );
}

/** Gives a Polygon a new mesh to draw (see meshPolygon). */
function setMesh(polygon: Phaser.GameObjects.Polygon, mesh: Mesh): Phaser.GameObjects.Polygon {
  return Object.assign(polygon, { pathData: mesh.vertices, pathIndexes: mesh.indices });
}
