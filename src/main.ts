// Entry point: the DOM panel appears at once; Phaser and the map data load lazily
// so that the start screen takes input before the map is ready.
import { mountApp } from './ui/app.ts';

mountApp(document);
