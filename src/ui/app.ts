/** Mounts the Brink interface into the document and starts the map in the background. */
export function mountApp(doc: Document): void {
  const panel = doc.getElementById('panel');
  const mapHost = doc.getElementById('map');
  if (!panel || !mapHost) throw new Error('index.html is missing #panel or #map');
  const heading = doc.createElement('h2');
  heading.textContent = 'Welcome to Brink';
  panel.append(heading);
  void import('../map/game.ts').then(({ startMap }) => startMap(mapHost));
}
