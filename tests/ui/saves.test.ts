import { describe, expect, it } from 'vitest';
import { parseSaveText, saveKey, saveScenarioId } from '../../src/ui/saves.ts';

describe('save files', () => {
  it('reads JSON and names the scenario a save belongs to', () => {
    const r = parseSaveText('{"format":"brink-save","scenarioId":"tutorial"}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(saveScenarioId(r.value)).toBe('tutorial');
    expect(saveScenarioId([1, 2])).toBeNull();
    expect(saveScenarioId(null)).toBeNull();
  });

  it('explains a file that is not JSON', () => {
    const r = parseSaveText('{ nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/not a Brink save: it is not valid JSON/);
  });

  it('keeps one autosave per scenario file: id, version and content hash', () => {
    const k = { scenarioId: 'a', scenarioVersion: '1.0.0', scenarioHash: '0badf00d' };
    expect(saveKey(k)).not.toBe(saveKey({ ...k, scenarioId: 'b' }));
    expect(saveKey(k)).not.toBe(saveKey({ ...k, scenarioVersion: '1.0.1' }));
    expect(saveKey(k)).not.toBe(saveKey({ ...k, scenarioHash: '0badf00e' }));
  });
});
