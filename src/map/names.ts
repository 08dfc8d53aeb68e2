// Everything the map draws from its atlas, and how: country names, badges and the places' icons at the
// bake's resolution, place names and their tooltips at one texel a pixel. Needs no Phaser, so the atlas
// can be drawn while Phaser loads (prepare.ts).
import { type AtlasEntry, type NameRaster, rasteriseNames } from './atlas.ts';
import { css, palette } from './colour.ts';
import { iconEntries } from './icons.ts';
import type { OverlayItems } from './layout.ts';
import type { MapModel } from './model.ts';
import type { CountryLabel } from './shapes.ts';

/** Frame names in the atlas. */
export const frame = {
  country: (i: number) => `country:${i}`,
  badge: (id: string) => `badge:${id}`,
  place: (id: string) => `place:${id}`,
  tip: (id: string) => `tip:${id}`,
};

/** How opaque a country's name is drawn: a governed country's a little fainter, over its paler fill. */
export function countryNameAlpha(label: CountryLabel): number {
  return label.focus ? 0.75 : 0.9;
}

/** Draws every name and icon of a map into the atlas, for a picture baked at `baked` texels a pixel. */
export function drawNames(model: MapModel, countries: readonly CountryLabel[], baked: number): NameRaster {
  return rasteriseNames(nameEntries(model, countries, baked));
}

/**
 * The atlas entries of a map: `baked` is the texels per pixel of the picture, which country names,
 * badges and icons are baked into; they are rasterised at that resolution, so they stay sharp once the
 * bake is shown at its size. Place names and tooltips are drawn live, at one texel a pixel.
 */
function nameEntries(model: MapModel, countries: readonly CountryLabel[], baked: number): AtlasEntry[] {
  const ink = css(palette.ink);
  return [
    ...countries.map((label, i) => ({
      frame: frame.country(i),
      text: label.focus ? label.name.toUpperCase() : label.name,
      style: label.focus
        ? { font: 'bold 15px', colour: '#4a4335' }
        : { font: 'italic 12px', colour: '#7d786d' },
      scale: baked,
    })),
    // A badge is its name in a white box edged in its actor's colour.
    ...model.badges.map((b) => ({
      frame: frame.badge(b.id),
      text: b.name,
      style: {
        font: 'bold 12px',
        colour: ink,
        background: {
          colour: 'rgba(255, 255, 255, 0.95)',
          padX: 8,
          padY: 3,
          radius: 6,
          border: { colour: css(b.colour), width: 2 },
        },
      },
      scale: baked,
    })),
    ...iconEntries(
      model.places,
      model.badges.map((b) => b.colour),
      baked,
    ),
    ...model.places.flatMap((p) => [
      {
        frame: frame.place(p.id),
        text: p.name,
        style: {
          font: p.kind === 'capital' ? 'bold 13px' : '12px',
          colour: ink,
          stroke: { colour: '#ffffff', width: 3 },
        },
        scale: 1,
      },
      {
        frame: frame.tip(p.id),
        text: p.name,
        style: { font: '13px', colour: '#ffffff', background: { colour: '#1b1f24', padX: 6, padY: 3 } },
        scale: 1,
      },
    ]),
  ];
}

/** What the overlay lays out (layout.ts `layoutOverlay`), each name and badge with its frame's size. */
export function overlayItems(
  model: MapModel,
  countries: readonly CountryLabel[],
  names: NameRaster,
): OverlayItems {
  const size = (name: string) => {
    const p = names.placed.get(name);
    return p ? { w: p.w, h: p.h } : { w: 0, h: 0 };
  };
  return {
    width: model.width,
    height: model.height,
    places: model.places,
    placeNames: model.places.map((p) => size(frame.place(p.id))),
    badges: model.badges,
    badgeBoxes: model.badges.map((b) => size(frame.badge(b.id))),
    countries,
  };
}
