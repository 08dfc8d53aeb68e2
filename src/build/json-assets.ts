// A Vite plugin pattern both build-time steps share: JSON files made in Node from the scenario folder
// (validated scenarios, cut borders), emitted into the build, served by the dev server and remade when a
// scenario file changes, with a virtual module that tells the game their URLs.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** A JSON file made at build time. */
export interface JsonAsset {
  /** The path of the asset below the base, e.g. `assets/regions/tutorial-1a2b3c4d.json`. */
  fileName: string;
  json: string;
}

/** A JSON asset named `<assetsDir>/<folder>/<stem>-<hash>.json`: a new content, a new name, so caches never serve an old one. */
export function hashedAsset(assetsDir: string, folder: string, stem: string, json: string): JsonAsset {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 8);
  return { fileName: `${assetsDir}/${folder}/${stem}-${hash}.json`, json };
}

/** What a plugin of JSON assets is made of. */
export interface JsonAssetsOptions<A extends JsonAsset> {
  name: string;
  /** The id the game imports, e.g. `virtual:brink-regions`. */
  virtualId: string;
  /** The folder the assets are made from, relative to the project root. */
  dir: string;
  /** Makes the assets from the folder; `assetsDir` is Vite's folder of assets. */
  make(dir: string, assetsDir: string): A[];
  /** The virtual module's default export, given the assets and each one's URL. */
  exports(assets: A[], url: (asset: A) => string): unknown;
  /** Whether the page's head asks for every asset before its script has loaded. */
  preload?: boolean;
}

/** A Vite plugin of JSON assets made from a folder (see the module comment). */
export function jsonAssetsPlugin<A extends JsonAsset>(o: JsonAssetsOptions<A>): Plugin {
  const resolvedId = `\0${o.virtualId}`;
  let root = process.cwd();
  let base = '/';
  let assetsDir = 'assets';
  let assets: A[] | undefined;
  const dir = () => resolve(root, o.dir);
  const url = (a: A) => `${base}${a.fileName}`;
  // Made once, and only when asked for: a cut reads the 3.6 MB atlas.
  const get = () => {
    assets ??= o.make(dir(), assetsDir);
    return assets;
  };
  return {
    name: o.name,
    configResolved(config) {
      root = config.root;
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id) {
      return id === o.virtualId ? resolvedId : undefined;
    },
    load(id) {
      if (id !== resolvedId) return undefined;
      if (existsSync(dir()))
        for (const f of readdirSync(dir())) if (f.endsWith('.json')) this.addWatchFile(join(dir(), f));
      return `export default ${JSON.stringify(o.exports(get(), url))};\n`;
    },
    transformIndexHtml(): HtmlTagDescriptor[] {
      if (!o.preload) return [];
      return get().map((a) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: url(a), as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head',
      }));
    },
    generateBundle() {
      for (const a of get()) this.emitFile({ type: 'asset', fileName: a.fileName, source: a.json });
    },
    configureServer(server) {
      // A designer editing a scenario under the dev server sees the result on reload.
      server.watcher.add(dir());
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(dir()) || !path.endsWith('.json')) return;
        assets = undefined;
        const mod = server.moduleGraph.getModuleById(resolvedId);
        if (mod) server.moduleGraph.invalidateModule(mod);
      });
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const a = get().find((x) => url(x) === path);
        if (!a) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(a.json);
      });
    },
  };
}
