import { describe, expect, it } from 'vitest';
import { strokeMesh } from '../../src/map/stroke-mesh.ts';

const triangles = (indices: number[]) => indices.length / 3;

describe('a stroke made into triangles', () => {
  it('draws a segment as a quad of two triangles, its width wide and centred on the line', () => {
    const { vertices, indices } = strokeMesh([[0, 0, 10, 0]], 4, 0);
    // The corners Phaser's DrawLine gives, in its order: start's two sides, then end's two.
    expect(vertices).toEqual([0, -2, 0, 2, 10, 2, 10, -2]);
    expect(indices).toEqual([0, 1, 2, 2, 3, 0]);
  });

  it('joins consecutive segments of a line wider than 2 with two more triangles, and not a thinner line', () => {
    const line = [0, 0, 10, 0, 10, 10, 20, 10];
    expect(triangles(strokeMesh([line], 3, 0).indices)).toBe(3 * 2 + 2 * 2);
    expect(triangles(strokeMesh([line], 2, 0).indices)).toBe(3 * 2);
  });

  it('never joins one line to the next', () => {
    const mesh = strokeMesh(
      [
        [0, 0, 10, 0],
        [20, 0, 30, 0],
      ],
      3,
      0,
    );
    expect(triangles(mesh.indices)).toBe(4);
    expect(Math.max(...mesh.indices.slice(6))).toBe(7);
    expect(Math.min(...mesh.indices.slice(6))).toBe(4);
  });

  it('skips points within the detail of the last one kept, but always ends at the last point', () => {
    const line = [0, 0, 0.2, 0, 0.4, 0, 5, 0, 5.1, 0];
    const { vertices } = strokeMesh([line], 1, 0.5);
    // Segments 0 → 5 (0.2 and 0.4 skipped) and 5 → 5.1 (the last is kept though it is close).
    expect(vertices.filter((_, i) => i % 2 === 0)).toEqual([0, 0, 5, 5, 5, 5, 5.1, 5.1]);
  });

  it('adds to a mesh given, so that several strokes make one', () => {
    const mesh = strokeMesh([[0, 0, 1, 0]], 1, 0);
    strokeMesh([[0, 5, 1, 5]], 1, 0, mesh);
    expect(mesh.vertices.length).toBe(16);
    expect(mesh.indices).toEqual([0, 1, 2, 2, 3, 0, 4, 5, 6, 6, 7, 4]);
  });
});
