// Entry point: the DOM panel appears at once; Phaser and the map data load lazily
// so that the start screen takes input before the map is ready.
// `?view=console` and `?view=presenter` (or #console, #presenter) open the classroom windows,
// which follow a game window over the classroom channel; `?seed=N` presets the shared seed.
// `?view=room` (or `?room=CODE`) opens the networked classroom, a client of the room server.
// `?view=editor` opens the scenario editor (its own chunk, loaded only there); `?playtest` offers the
// text the editor handed over on the start screen.
import { mountApp } from './ui/app.ts';
import { installPlanning } from './ui/planning.ts';
import { validateScenario } from './ui/scenarios.ts';
import { installSession } from './ui/session.ts';
import { keyOf } from './ui/start.ts';

const params = new URLSearchParams(location.search);
const view = params.get('view') ?? location.hash.replace(/^#/, '');

if (view === 'console') void import('./ui/views.ts').then((m) => m.mountConsoleWindow(document));
else if (view === 'presenter') void import('./ui/views.ts').then((m) => m.mountPresenter(document));
else if (view === 'editor') void import('./editor/editor.ts').then((m) => m.mountEditor(document));
else if (view === 'room' || params.has('room'))
  void import('./ui/room/room.ts').then((m) => m.mountRoom(document));
else {
  const app = mountApp(document);
  installSession(app, document);
  // Outermost, so that it sees every event the panels and the classroom host send.
  installPlanning(app, document);
  // A shared seed: every section of a class opening the same link plays the same draws.
  const seed = Number(params.get('seed'));
  if (params.has('seed') && Number.isInteger(seed) && seed >= 0) {
    app.ui.start.seed = seed;
    app.render();
  }
  if (params.has('playtest'))
    void import('./editor/playtest.ts').then((m) =>
      m.takePlaytest(app, window, { validate: validateScenario, keyOf }),
    );
}
