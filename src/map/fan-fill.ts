// How the animations' discs are filled. Phaser fills every path by triangulating it with earcut, which
// builds a linked list of nodes for each polygon: ten strikes' flashes and smoke are about a hundred
// discs a frame, so most of the memory the map allocated while animating (and the garbage collections
// that interrupt frames) came from there. A disc is convex, so a fan from its first point is enough.
import * as Phaser from 'phaser';

/** The render node's name in the renderer. */
const FAN_FILL = 'BrinkFanFill';

interface WidePoint {
  x: number;
  y: number;
}

/** Fills a convex path as a fan of triangles from its first point, reusing its arrays from call to call. */
class FanFill extends Phaser.Renderer.WebGL.RenderNodes.RenderNode {
  private readonly vertices: number[] = [];
  private readonly indices: number[] = [];
  private readonly colours: number[] = [];

  constructor(manager: Phaser.Renderer.WebGL.RenderNodes.RenderNodeManager) {
    super(FAN_FILL, manager);
  }

  /** Same arguments as Phaser's FillPath; the three tints of a plain fill are one colour. */
  override run(
    context: Phaser.Renderer.WebGL.DrawingContext,
    matrix: Phaser.GameObjects.Components.TransformMatrix,
    submitter: Phaser.Renderer.WebGL.RenderNodes.BatchHandlerTriFlat,
    path: WidePoint[],
    tint: number,
    _tintTR: number,
    _tintBL: number,
    _detail: number,
    lighting: false | object,
  ): void {
    this.onRunBegin(context);
    const { vertices, indices, colours } = this;
    const n = path.length;
    vertices.length = 2 * n;
    colours.length = n;
    for (let i = 0; i < n; i++) {
      const p = path[i] as WidePoint;
      vertices[2 * i] = matrix.getX(p.x, p.y);
      vertices[2 * i + 1] = matrix.getY(p.x, p.y);
      colours[i] = tint;
    }
    indices.length = 0;
    for (let i = 1; i + 1 < n; i++) indices.push(0, i, i + 1);
    if (indices.length > 0) submitter.batch(context, indices, vertices, colours, lighting);
    this.onRunEnd(context);
  }
}

/**
 * Has `graphics` fill its paths as fans (FanFill): for a Graphics that fills convex shapes only, with
 * plain colours. Without WebGL there are no render nodes and nothing to change.
 */
export function fillAsFans(graphics: Phaser.GameObjects.Graphics): Phaser.GameObjects.Graphics {
  const manager = (graphics.scene.sys.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>).renderNodes;
  if (!manager) return graphics;
  if (!manager.hasNode(FAN_FILL, true)) manager.addNode(FAN_FILL, new FanFill(manager));
  return graphics.setRenderNodeRole('FillPath', FAN_FILL);
}
