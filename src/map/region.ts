// The borders cut for one scenario (region-cut.ts), as the game receives them: plain arrays of
// longitudes and latitudes, in a small JSON asset (bundled scenarios) or from the region worker.

/** A longitude/latitude rectangle, in degrees. */
export interface RegionBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A country in the cut: polygons of flat rings `[lon, lat, lon, lat, ...]`, outer ring first. */
export interface RegionCountry {
  iso: string;
  name: string;
  /** Listed by the scenario (true) or a greyed neighbour (false). */
  focus: boolean;
  polygons: number[][][];
}

/** A highlighted shared border: flat line strings `[lon, lat, ...]`. */
export interface RegionBorder {
  id: string;
  name: string;
  between: [string, string];
  lines: number[][];
}

/** What the game draws as its base map. */
export interface Region {
  /** The scenario's bounds: the area the map shows. */
  bounds: RegionBounds;
  /** The padded rectangle the shapes were clipped to; outline segments on it are not real borders. */
  clip: RegionBounds;
  countries: RegionCountry[];
  borders: RegionBorder[];
}
