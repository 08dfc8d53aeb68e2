// Pan and zoom over the map. The view is plain numbers (no Phaser), so it can be reasoned about and
// tested; input comes straight from DOM events on the canvas so the page's own keys stay its own.

/** A point in canvas pixels or world pixels. */
export interface Point {
  x: number;
  y: number;
}

/** A rectangle on screen: top-left corner and size. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A place on screen; for a badge, with the half size of its box, which routes start outside of. */
export interface Anchor extends Point {
  halfW?: number;
  halfH?: number;
}

/** The visible part of the world: its top-left world point and the zoom (screen px per world px). */
export class View {
  x = 0;
  y = 0;
  zoom = 1;
  private readonly listeners: (() => void)[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    readonly minZoom = 1,
    readonly maxZoom = 8,
  ) {}

  /** World pixels → canvas pixels. */
  toScreen(p: Point): Point {
    return { x: (p.x - this.x) * this.zoom, y: (p.y - this.y) * this.zoom };
  }

  /** Canvas pixels → world pixels. */
  toWorld(p: Point): Point {
    return { x: p.x / this.zoom + this.x, y: p.y / this.zoom + this.y };
  }

  /** Moves the view by a distance in canvas pixels. */
  panBy(dx: number, dy: number): void {
    this.set(this.x - dx / this.zoom, this.y - dy / this.zoom, this.zoom);
  }

  /** Zooms by a factor, keeping the world point under `anchor` (canvas pixels) in place. */
  zoomBy(factor: number, anchor: Point = { x: this.width / 2, y: this.height / 2 }): void {
    const zoom = Math.max(this.minZoom, Math.min(this.maxZoom, this.zoom * factor));
    const w = this.toWorld(anchor);
    this.set(w.x - anchor.x / zoom, w.y - anchor.y / zoom, zoom);
  }

  /** Calls `listener` after every change of the view. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private set(x: number, y: number, zoom: number): void {
    // Clamp so the view never leaves the world: at zoom 1 the world is exactly the canvas.
    const nx = Math.max(0, Math.min(this.width - this.width / zoom, x));
    const ny = Math.max(0, Math.min(this.height - this.height / zoom, y));
    if (nx === this.x && ny === this.y && zoom === this.zoom) return;
    this.x = nx;
    this.y = ny;
    this.zoom = zoom;
    for (const l of this.listeners) l();
  }
}

/** What the canvas reports besides pan and zoom. */
export interface PointerHandlers {
  hover(p: Point | undefined): void;
  tap(p: Point): void;
  /** A press held in place (a long press on touch), where a tap would have been. */
  hold?(p: Point): void;
}

/** How long (ms) a press must stay in place to be a long press rather than a tap. */
const HOLD_MS = 550;

const PAN_STEP = 60;
const ZOOM_STEP = 1.25;
const DRAG_THRESHOLD = 5;

/**
 * Binds drag, two-finger pinch, wheel and keyboard (arrows, + and −) on `canvas` to `view`; returns an
 * unbind function.
 */
export function bindCamera(canvas: HTMLCanvasElement, view: View, handlers: PointerHandlers): () => void {
  // Canvas pixels may differ from CSS pixels when the canvas is stretched.
  const toCanvas = (e: { clientX: number; clientY: number }): Point => {
    const r = canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * canvas.width) / (r.width || 1),
      y: ((e.clientY - r.top) * canvas.height) / (r.height || 1),
    };
  };
  let down: { id: number; start: Point; last: Point; dragging: boolean; at: number } | undefined;
  // Every pointer on the canvas (touches, above all); two of them pinch: zoom about their midpoint.
  const pointers = new Map<number, Point>();
  let pinch: { dist: number; mid: Point } | undefined;
  const measure = () => {
    const [a, b] = [...pointers.values()];
    if (!a || !b) return undefined;
    return {
      dist: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
    };
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = toCanvas(e);
    pointers.set(e.pointerId, p);
    canvas.setPointerCapture?.(e.pointerId);
    if (pointers.size === 2) {
      // A second finger turns the drag into a pinch; neither is a tap any more.
      down = undefined;
      pinch = measure();
      handlers.hover(undefined);
      return;
    }
    if (pointers.size === 1) down = { id: e.pointerId, start: p, last: p, dragging: false, at: e.timeStamp };
  };
  const onMove = (e: PointerEvent) => {
    const p = toCanvas(e);
    if (pointers.has(e.pointerId)) pointers.set(e.pointerId, p);
    if (pinch) {
      const now = measure();
      if (!now) return;
      view.zoomBy(now.dist / pinch.dist, now.mid);
      view.panBy(now.mid.x - pinch.mid.x, now.mid.y - pinch.mid.y);
      pinch = now;
      return;
    }
    if (!down || down.id !== e.pointerId) {
      handlers.hover(p);
      return;
    }
    if (!down.dragging && Math.hypot(p.x - down.start.x, p.y - down.start.y) > DRAG_THRESHOLD) {
      down.dragging = true;
      handlers.hover(undefined);
    }
    if (down.dragging) view.panBy(p.x - down.last.x, p.y - down.last.y);
    down.last = p;
  };
  const onUp = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pinch) {
      if (pointers.size < 2) pinch = undefined;
      return;
    }
    if (!down || down.id !== e.pointerId) return;
    if (!down.dragging) {
      const held = e.timeStamp - down.at >= HOLD_MS && handlers.hold;
      if (held) handlers.hold?.(toCanvas(e));
      else handlers.tap(toCanvas(e));
    }
    down = undefined;
  };
  const onLeave = () => handlers.hover(undefined);
  // A tap opens a menu, which moves the page under the finger: the browser's compatibility click, sent
  // after the touch ends to whatever is there by then, must not press a button the player never saw.
  const onTouchEnd = (e: TouchEvent) => {
    if (e.cancelable) e.preventDefault();
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault(); // the page must not scroll while the map zooms
    view.zoomBy(Math.exp(-e.deltaY * 0.0015), toCanvas(e));
  };
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    const move = moves[e.key];
    if (move) view.panBy(move[0], move[1]);
    else if (e.key === '+' || e.key === '=') view.zoomBy(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_' || e.key === '−') view.zoomBy(1 / ZOOM_STEP);
    else return;
    e.preventDefault();
  };

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('touchend', onTouchEnd, { passive: false });
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('keydown', onKey);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onUp);
    canvas.removeEventListener('pointerleave', onLeave);
    canvas.removeEventListener('touchend', onTouchEnd);
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('keydown', onKey);
  };
}
