import { describe, expect, it } from 'vitest';
import { lastDrill, type Exercise } from './pages/SecurityExercises';

const held = (id: number, kind: Exercise['kind'], heldOn: string): Exercise =>
  ({ id, jurisdiction: 'xianning', kind, heldOn, summary: '演练', recordedBy: 'op-cidu' });

describe('the last drill an operator held', () => {
  it('is the latest drill, a risk assessment being no drill', () => {
    expect(lastDrill([held(1, 'RISK_ASSESSMENT', '2026-10-01'), held(2, 'DRILL', '2026-03-05'), held(3, 'DRILL', '2025-11-20')]))
      .toBe('2026-03-05');
    expect(lastDrill([held(1, 'RISK_ASSESSMENT', '2026-10-01')])).toBeNull();
    expect(lastDrill([])).toBeNull();
  });
});
