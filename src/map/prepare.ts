// What the map works out before Phaser is needed: the model, the base map's shapes in world pixels,
// and the atlas of names drawn on a canvas. The UI prepares this while Phaser is fetched and parsed,
// which leaves the main thread idle; the scene then only hands it to Phaser.
import type { Scenario } from '../scenario/schema.ts';
import type { NameRaster } from './atlas.ts';
import { buildModel, type MapModel } from './model.ts';
import { drawNames } from './names.ts';
import { SUPERSAMPLE } from './picture.ts';
import type { Region, RegionBounds } from './region.ts';
import { type MapShapes, mapShapes } from './shapes.ts';
import { type LineMeshes, lineMeshes } from './stroke-mesh.ts';

/** A map ready to be handed to Phaser (game.ts `startMap`). */
export interface PreparedMap {
  scenario: Scenario;
  model: MapModel;
  /** Whether real borders are drawn: false shows the graticule fallback. */
  hasBorders: boolean;
  shapes: MapShapes;
  /** The base map's lines as meshes for the opening view (zoom 1) and a bake at twice the canvas size. */
  lines: LineMeshes;
  /**
   * The names' atlas, drawn for a picture baked at `baked` texels a pixel. The picture's real scale is
   * known only once WebGL is (a GPU's largest texture may not fit a wide map at 2x): if it differs, the
   * scene draws the atlas again.
   */
  names: { raster: NameRaster; baked: number };
}

/**
 * Prepares the map of `scenario` for a canvas of `width` × `height` pixels. A region cut for other bounds
 * (a designer's copy that kept a bundled id but moved the bounds) is set aside with a console warning,
 * and the map falls back to the graticule.
 */
export function prepareMap(input: {
  scenario: Scenario;
  region: Region | undefined;
  width: number;
  height: number;
}): PreparedMap {
  const { scenario, width, height } = input;
  const region = input.region && regionFits(input.region, scenario.map.bounds) ? input.region : undefined;
  if (input.region && !region)
    console.warn(`map: bundled borders of "${scenario.meta.id}" do not fit its bounds`);
  const model = buildModel(scenario, width, height);
  const shapes = mapShapes(model, region);
  const raster = drawNames(model, shapes.labels, SUPERSAMPLE);
  return {
    scenario,
    model,
    hasBorders: region !== undefined,
    shapes,
    lines: lineMeshes(shapes, 1, SUPERSAMPLE),
    names: { raster, baked: SUPERSAMPLE },
  };
}

/** True when a region was cut for these bounds. */
function regionFits(region: Region, bounds: RegionBounds): boolean {
  const b = region.bounds;
  return (
    b.west === bounds.west && b.south === bounds.south && b.east === bounds.east && b.north === bounds.north
  );
}
