// Shaders and their pipelines made ahead. Phaser compiles a shader program the first time something is
// drawn with it, and then waits for the GPU to say it linked. In Chromium the GPU runs in its own process,
// and that question waits for all the drawing queued before it. In software WebGL (SwiftShader) the first
// draw with each program then builds the pipeline that runs it, about 40 ms a program here, and it does
// so only when the frame is sent to the screen: the map's first frame waited for three of them after its
// drawing was done. Made while the scene is being built, the pipelines are ready by its first frame.
import type * as Phaser from 'phaser';
import { unique } from './picture.ts';

/** The part of Phaser's dynamic texture this needs: the framebuffer it draws into. */
interface DrawnInto {
  drawingContext: { framebuffer: { webGLFramebuffer: WebGLFramebuffer | null } | null } | null;
}

/**
 * Draws `objects` once into a scratch texture, so that Phaser makes each program they need (waiting, as it
 * does, for the link) and the GPU builds the pipelines that draw them; then sends that work to the GPU at
 * once (`submit`) instead of with the first frame. Without WebGL, it does nothing.
 */
export function compileAhead(scene: Phaser.Scene, objects: Phaser.GameObjects.GameObject[]): void {
  const { gl } = scene.sys.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>;
  if (!gl) return;
  const scratch = scene.textures.addDynamicTexture(unique(scene, 'brink-shaders'), 4, 4, false);
  if (!scratch) return;
  for (const o of objects) scratch.draw(o);
  scratch.render();
  submit(gl, (scratch as unknown as DrawnInto).drawingContext?.framebuffer?.webGLFramebuffer);
  scratch.destroy();
}

/**
 * Has the GPU start on what was drawn into `framebuffer` without waiting for it. A flush alone does not:
 * ANGLE defers it while a render pass is open, until the frame is presented. Copying a texel of the
 * framebuffer closes the pass, so the flush then sends it. The bindings it changes are put back, so that
 * Phaser's record of them still holds.
 */
function submit(gl: WebGLRenderingContext, framebuffer: WebGLFramebuffer | null | undefined): void {
  if (!framebuffer) return;
  const boundFramebuffer = gl.getParameter(gl.FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const boundTexture = gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null;
  const texel = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texel);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
  gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
  gl.copyTexSubImage2D(gl.TEXTURE_2D, 0, 0, 0, 0, 0, 1, 1);
  gl.bindFramebuffer(gl.FRAMEBUFFER, boundFramebuffer);
  gl.bindTexture(gl.TEXTURE_2D, boundTexture);
  gl.deleteTexture(texel);
  gl.flush();
}
